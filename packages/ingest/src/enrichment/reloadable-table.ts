import { readFile } from 'node:fs/promises';
import { fail, ok, type Result } from '@tinsel/model';
import type { EnrichmentEvent, TableName } from './enrichment-event.ts';
import type { TableReader } from './read-table.ts';
import { watchTableFile, type TableFileWatch, type WatchOptions } from './watch-table-file.ts';

/** Size and freshness of one lookup table, for stats and health pages. */
export interface TableStats {
  readonly file: string;
  readonly size: number;
  /** Epoch milliseconds of the last successful load. */
  readonly loadedAt: number;
  /** Why the last reload failed, or null when it succeeded. */
  readonly lastError: string | null;
}

export interface ReloadableTableOptions<T> {
  readonly name: TableName;
  readonly file: string;
  readonly read: TableReader<T>;
  readonly onEvent: (event: EnrichmentEvent) => void;
  /** Omit to never watch the file (reload only on demand). */
  readonly watch?: Omit<WatchOptions, 'onPoll'>;
}

/**
 * A lookup table that follows its file. `current` is swapped whole when a
 * read succeeds, so a batch in flight keeps the table it started with; a
 * read that fails keeps the previous table and records why.
 *
 * @example
 * const tenants = await ReloadableTable.open({ name: 'tenants', file, read, onEvent });
 * if (tenants.ok) tenants.value.current.lookup('acme.example');
 */
export class ReloadableTable<T> {
  private text: string;
  private loadedAt = Date.now();
  private lastError: string | null = null;
  private size: number;
  private pending: Promise<Result<void>> = Promise.resolve(ok(undefined));
  private watcher: TableFileWatch | undefined;

  private constructor(
    private readonly options: ReloadableTableOptions<T>,
    private table: T,
    text: string,
    size: number,
  ) {
    this.text = text;
    this.size = size;
  }

  /** The table as last loaded successfully. */
  get current(): T {
    return this.table;
  }

  /** Reads the file once and starts watching it; fails if the first read fails. */
  static async open<T>(options: ReloadableTableOptions<T>): Promise<Result<ReloadableTable<T>>> {
    const text = await readText(options.file);
    if (!text.ok) return text;
    const read = options.read(text.value);
    if (!read.ok) return fail(`${options.file}: ${read.reason}`);
    const table = new ReloadableTable(options, read.value.table, text.value, read.value.size);
    options.onEvent({ type: 'table-loaded', table: options.name, file: options.file, size: read.value.size, duplicates: read.value.duplicates });
    if (options.watch !== undefined) table.startWatching(options.watch);
    return ok(table);
  }

  /** Re-reads the file; reloads are serialised so an older read never lands last. */
  reload(): Promise<Result<void>> {
    this.pending = this.pending.then(() => this.readAgain());
    return this.pending;
  }

  stats(): TableStats {
    return { file: this.options.file, size: this.size, loadedAt: this.loadedAt, lastError: this.lastError };
  }

  close(): void {
    this.watcher?.close();
  }

  private async readAgain(): Promise<Result<void>> {
    const { name, file, onEvent } = this.options;
    const text = await readText(file);
    if (!text.ok) return this.failed(text.reason);
    // Unchanged bytes (a touch, a second event for one save) need no rebuild.
    if (text.value === this.text && this.lastError === null) return ok(undefined);
    let read: ReturnType<TableReader<T>>;
    try {
      read = this.options.read(text.value);
    } catch (error) {
      // A reader bug must not end reloading for the life of the process.
      read = fail(`unexpected error: ${(error as Error).message}`);
    }
    if (!read.ok) return this.failed(`${file}: ${read.reason}`);
    this.table = read.value.table;
    this.text = text.value;
    this.size = read.value.size;
    this.loadedAt = Date.now();
    this.lastError = null;
    onEvent({ type: 'table-loaded', table: name, file, size: read.value.size, duplicates: read.value.duplicates });
    return ok(undefined);
  }

  private failed(reason: string): Result<void> {
    this.lastError = reason;
    this.options.onEvent({ type: 'table-load-failed', table: this.options.name, file: this.options.file, reason });
    return fail(reason);
  }

  private startWatching(watch: Omit<WatchOptions, 'onPoll'>): void {
    const { name, file, onEvent } = this.options;
    const onPoll = (reason: string): void => onEvent({ type: 'table-polling', table: name, file, reason });
    this.watcher = watchTableFile(file, () => void this.reload(), { ...watch, onPoll });
  }
}

async function readText(file: string): Promise<Result<string>> {
  try {
    return ok(await readFile(file, 'utf8'));
  } catch (error) {
    return fail(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}
