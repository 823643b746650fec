/** A bucket and the key prefix to list under it. */
export interface S3Location {
  bucket: string;
  /** May be empty: the whole bucket. */
  prefix: string;
}

/**
 * Splits `s3://bucket/prefix` into its parts; null when it is not an S3 URL
 * with a bucket.
 *
 * @example
 * parseS3Url('s3://acme-logs/alb/AWSLogs/'); // { bucket: 'acme-logs', prefix: 'alb/AWSLogs/' }
 */
export function parseS3Url(url: string): S3Location | null {
  if (!url.startsWith('s3://')) return null;
  const rest = url.slice('s3://'.length);
  const slash = rest.indexOf('/');
  const bucket = slash === -1 ? rest : rest.slice(0, slash);
  if (bucket === '') return null;
  return { bucket, prefix: slash === -1 ? '' : rest.slice(slash + 1) };
}
