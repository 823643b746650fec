import type { AlbKeyMeta } from './parse-alb-key.ts';

/**
 * One ALB log object to ingest, from a local folder or from S3. Opening it
 * gives the bytes as stored (still gzipped for `.log.gz`): `readLines`
 * decides from the bytes whether to inflate.
 *
 * @example
 * for await (const file of listAlbFiles('s3://logs/AWSLogs/')) {
 *   const reader = readLines(await file.open());
 * }
 */
export interface AlbSourceFile {
  /** Absolute file path, or `s3://bucket/key`. */
  key: string;
  /** Bytes as stored (the compressed size for `.log.gz`). */
  size: number;
  /** What the object name tells, when it follows the ALB S3 key layout. */
  meta: AlbKeyMeta | null;
  /**
   * A tag the source changes whenever the content changes (S3's ETag), so a
   * re-run can skip an unchanged object without downloading it to hash it.
   */
  contentTag?: string;
  /** A fresh stream of the raw bytes on each call. */
  open(): Promise<NodeJS.ReadableStream>;
}
