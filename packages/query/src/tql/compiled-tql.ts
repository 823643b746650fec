import type { Sql } from '@tinsel/store';

/** A result column: the alias in SQL (never user text) and the name shown to the user. */
export interface OutputColumn {
  key: string;
  label: string;
}

/** TQL compiled for one signal and time range, ready for `store.query`. */
export interface CompiledTql {
  shape: 'rows' | 'stats' | 'timechart';
  sql: Sql;
  /** `scanned`: rows in the time range; and for row queries `total`: rows matching. */
  count: Sql;
  /**
   * `scanned` alone, for when the page itself holds every match (the first
   * page, and nothing after it): the filter then runs once, not twice.
   */
  scannedOnly: Sql;
  /** This page starts at the first match (no cursor). */
  firstPage: boolean;
  /** Result columns to rename; null when rows are whole records. */
  columns: OutputColumn[] | null;
  /** Hidden columns the cursor is built from, removed before rows are returned. */
  hidden: readonly string[];
  /** Rows asked of the store; for paged queries one more than a page, to know whether another follows. */
  fetch: number;
  /** Rows in a page. */
  pageSize: number;
  paging: 'after' | 'offset' | 'none';
  /** The cursor offset this page starts at (offset paging). */
  offset: number;
  /** Bucket size of a timechart. */
  spanSeconds: number | null;
  /**
   * The rows in two steps (dialects with `twoStepRows`): `probe` gives the
   * times of the page's rows alone, `bounded` the page again with a lower
   * bound at the oldest of them, which holds every row of the page, so the
   * answer is the same as `sql`'s.
   */
  twoStep?: { probe: Sql; bounded: (oldestMicros: number) => Sql };
}

/** Hidden column names; fixed text, never user input. */
export const CURSOR_TIME = '__tinsel_cursor_time';
export const CURSOR_KEY = '__tinsel_cursor_key';
