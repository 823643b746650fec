// Light and dark themes are CSS variable sets (styles.css); the choice is
// remembered per browser and defaults to the system's preference.
import { useEffect, useState, useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
const KEY = 'tinsel.theme';

function initialTheme(): Theme {
  const saved = window.localStorage.getItem(KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The current theme and a toggle; sets `data-theme` on the document element. */
export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const toggle = () =>
    setTheme((current) => {
      const next = current === 'dark' ? 'light' : 'dark';
      window.localStorage.setItem(KEY, next);
      return next;
    });
  return [theme, toggle];
}

/** Reads a theme colour (a CSS variable) for canvas charts, which cannot use var(). */
export function themeColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

function subscribeTheme(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** The theme in force, re-rendering the caller when it changes (canvas charts redraw on it). */
export function useCurrentTheme(): string {
  return useSyncExternalStore(subscribeTheme, () => document.documentElement.dataset.theme ?? 'light', () => 'light');
}
