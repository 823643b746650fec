// Loads an API answer for a component, dropping answers that arrive after the inputs changed.
import { useEffect, useState } from 'react';

export type Loadable<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; error: Error };

/**
 * Runs `load` whenever `key` changes and keeps the latest answer.
 *
 * @example const story = useApi(`story:${id}`, (signal) => fetchStory(id, signal));
 */
export function useApi<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loadable<T> {
  const [result, setResult] = useState<{ key: string; value: Loadable<T> }>({ key, value: { state: 'loading' } });
  useEffect(() => {
    const abort = new AbortController();
    setResult((current) => (current.key === key && current.value.state === 'loading' ? current : { key, value: { state: 'loading' } }));
    load(abort.signal).then(
      (value) => !abort.signal.aborted && setResult({ key, value: { state: 'done', value } }),
      (error: unknown) => !abort.signal.aborted && setResult({ key, value: { state: 'failed', error: error instanceof Error ? error : new Error(String(error)) } }),
    );
    return () => abort.abort();
    // `load` is a fresh closure every render; `key` names its inputs.
  }, [key]);
  return result.key === key ? result.value : { state: 'loading' };
}
