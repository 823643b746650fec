import { listAlbFiles, type ListAlbFilesOptions } from '../sources/alb-file/list-alb-files.ts';
import { ingestAlbFile, type AlbFileResult, type AlbIngestDeps } from './ingest-alb-file.ts';

export interface AlbTargetSummary {
  files: AlbFileResult[];
  accepted: number;
  deadLettered: number;
  unchanged: number;
  partial: number;
  bytesIn: number;
  bytesOut: number;
}

/**
 * Ingests every ALB log object under a target: a file, a folder tree in the
 * S3 key layout, or an `s3://bucket/prefix`.
 *
 * @example
 * const summary = await ingestAlbTarget(deps, './AWSLogs');
 */
export async function ingestAlbTarget(
  deps: AlbIngestDeps & { onFile?: (result: AlbFileResult) => void },
  target: string,
  options: ListAlbFilesOptions = {},
): Promise<AlbTargetSummary> {
  const summary: AlbTargetSummary = { files: [], accepted: 0, deadLettered: 0, unchanged: 0, partial: 0, bytesIn: 0, bytesOut: 0 };
  for await (const file of listAlbFiles(target, options)) {
    const result = await ingestAlbFile(deps, file);
    summary.files.push(result);
    summary.accepted += result.accepted;
    summary.deadLettered += result.deadLettered;
    summary.bytesIn += result.bytesIn;
    summary.bytesOut += result.bytesOut;
    if (result.status === 'unchanged') summary.unchanged++;
    if (result.status === 'partial') summary.partial++;
    deps.onFile?.(result);
  }
  return summary;
}
