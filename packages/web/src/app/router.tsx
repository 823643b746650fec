// A small history router: the path names the page, the query string holds the
// rest of the state (query, range, selection), so any screen can be shared by
// pasting its address.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

/**
 * Goes to another address inside the UI without reloading.
 *
 * @example navigate(`/story/${traceId}`)
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

/** The current location, re-rendering the caller when it changes. */
export interface Location {
  path: string;
  /** The path split on `/`, decoded, without empty parts: `/story/abc` → `['story', 'abc']`. */
  segments: string[];
  params: URLSearchParams;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const url = new URL(href, 'http://tinsel.invalid');
  const segments = url.pathname.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  return { path: url.pathname, segments, params: url.searchParams };
}

/** Builds a path with a query string from the entries that have a value. */
export function hrefOf(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** Sets or removes some query-string entries of the current address. */
export function setUrlParams(changes: Record<string, string | number | null | undefined>, options: { replace?: boolean } = {}): void {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') url.searchParams.delete(key);
    else url.searchParams.set(key, String(value));
  }
  navigate(url.pathname + url.search, options);
}

/**
 * One piece of page state kept in the address's query string.
 *
 * @example const [query, setQuery] = useUrlState('q', '');
 */
export function useUrlState(key: string, fallback: string): [string, (value: string | null, options?: { replace?: boolean }) => void] {
  const { params } = useLocation();
  const value = params.get(key) ?? fallback;
  return [value, (next, options) => setUrlParams({ [key]: next === fallback ? null : next }, options)];
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children?: ReactNode };

/** An anchor that navigates inside the UI; modified clicks (new tab) keep the browser's behaviour. */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
    window.scrollTo(0, 0);
  };
  return (
    <a href={to} onClick={follow} {...rest}>
      {children}
    </a>
  );
}
