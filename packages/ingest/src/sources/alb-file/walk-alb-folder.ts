import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AlbSourceFile } from './alb-source-file.ts';
import { isAlbLogName } from './is-alb-log-name.ts';
import { localAlbFile } from './local-alb-file.ts';

/**
 * Walks a folder depth-first, names in code-unit order (the order S3 lists
 * keys in, so a synced `AWSLogs/` tree comes out day by day), and yields the
 * access logs. Hidden folders are not entered; a symbolic link is followed to
 * a file but never into a folder, so a link loop cannot trap the walk.
 *
 * @example
 * for await (const file of walkAlbFolder('/data/AWSLogs')) console.log(file.key, file.meta?.endTime);
 */
export async function* walkAlbFolder(folder: string, signal?: AbortSignal): AsyncGenerator<AlbSourceFile> {
  signal?.throwIfAborted();
  const entries = await readdir(folder, { withFileTypes: true });
  // Code-unit order, not localeCompare: it must not depend on the machine's locale.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      yield* walkAlbFolder(path, signal);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isAlbLogName(entry.name)) {
      const info = await stat(path);
      if (info.isFile()) yield localAlbFile(path, info.size);
    }
  }
}
