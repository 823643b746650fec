import { watch, watchFile, unwatchFile, type FSWatcher, type Stats } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface WatchOptions {
  /** Quiet time after the last change before `onChange` runs; editors write in bursts. */
  readonly debounceMs: number;
  /** Poll interval when change events are unavailable. */
  readonly pollMs: number;
  /** 'auto' uses change events and falls back to polling; 'poll' always polls (network mounts). */
  readonly mode: 'auto' | 'poll';
  /** Told when and why the watch polls instead of using change events. */
  readonly onPoll: (reason: string) => void;
}

/** A running watch; `close` stops it and any pending call. */
export interface TableFileWatch {
  close(): void;
}

/**
 * Calls `onChange` (debounced) when a file changes. It watches the file's
 * directory, not the file: editors and config tools save by writing a
 * temporary file and renaming it over the old one, which ends a watch held
 * on the old file. Where change events fail (some network and container
 * mounts), it polls with fs.watchFile instead, which follows symlinks.
 *
 * @example
 * const w = watchTableFile('/etc/tinsel/tenants.csv', () => void reload(), { debounceMs: 200, pollMs: 2000, mode: 'auto', onPoll });
 * w.close();
 */
export function watchTableFile(file: string, onChange: () => void, options: WatchOptions): TableFileWatch {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  let polling = false;
  let closed = false;
  const trigger = (): void => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, options.debounceMs);
  };
  const onStat = (current: Stats, previous: Stats): void => {
    if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size || current.ino !== previous.ino) trigger();
  };
  const poll = (reason: string): void => {
    watcher?.close();
    watcher = undefined;
    if (polling || closed) return;
    polling = true;
    options.onPoll(reason);
    watchFile(file, { interval: options.pollMs, persistent: false }, onStat);
  };
  if (options.mode === 'poll') poll('polling was asked for');
  else {
    const name = basename(file);
    try {
      watcher = watch(dirname(file), { persistent: false }, (_event, changed) => {
        // Some platforms omit the name; then any change in the directory counts.
        // Kubernetes ConfigMap volumes update by swapping a `..data` symlink
        // that the file points through, so `..` names count too.
        if (changed === null || changed === name || changed.startsWith('..')) trigger();
      });
      watcher.on('error', (error) => poll(`watch failed: ${error.message}`));
    } catch (error) {
      poll(`watch failed: ${(error as Error).message}`);
    }
  }
  return {
    close(): void {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
      if (polling) unwatchFile(file, onStat);
    },
  };
}
