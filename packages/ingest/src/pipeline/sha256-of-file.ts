import { createHash } from 'node:crypto';
import type { AlbSourceFile } from '../sources/alb-file/alb-source-file.ts';

/** The SHA-256 of a file's bytes as stored, read once as a stream. */
export async function sha256OfFile(file: Pick<AlbSourceFile, 'open'>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await file.open()) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
