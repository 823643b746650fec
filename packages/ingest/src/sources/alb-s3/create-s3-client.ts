import { S3Client } from '@aws-sdk/client-s3';

/** The few S3 settings Tinsel exposes; anything unset falls back as documented on `createS3Client`. */
export interface S3ClientConfigLike {
  /** An S3-compatible server, e.g. `http://127.0.0.1:9000`. */
  endpoint?: string;
  /** Bucket in the path rather than the host name. */
  forcePathStyle?: boolean;
  region?: string;
  /** Fixed keys; when absent the SDK's standard credential chain applies. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Keys per ListObjectsV2 page; S3 caps it at 1000, its default. */
  maxKeys?: number;
}

/**
 * Makes the S3 client the ALB source lists and reads with.
 * - endpoint: `config.endpoint`, else env `TINSEL_S3_ENDPOINT`, else AWS;
 * - forcePathStyle: `config.forcePathStyle`, else true exactly when an
 *   endpoint is overridden (S3-compatible servers seldom serve buckets as
 *   host names);
 * - region: `config.region`, else env `AWS_REGION`, else `us-east-1`;
 * - credentials: `config.credentials`, else the SDK's chain (env, profile,
 *   instance role…).
 *
 * @example
 * const client = createS3Client({ endpoint: 'http://127.0.0.1:9000', credentials: { accessKeyId: 'k', secretAccessKey: 's' } });
 */
export function createS3Client(config: S3ClientConfigLike = {}, env: NodeJS.ProcessEnv = process.env): S3Client {
  const endpoint = config.endpoint ?? nonEmpty(env.TINSEL_S3_ENDPOINT);
  return new S3Client({
    region: config.region ?? nonEmpty(env.AWS_REGION) ?? 'us-east-1',
    ...(endpoint !== undefined ? { endpoint } : {}),
    forcePathStyle: config.forcePathStyle ?? endpoint !== undefined,
    ...(config.credentials !== undefined ? { credentials: config.credentials } : {}),
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
