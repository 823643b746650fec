import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A running s3rver and what a client needs to reach it. */
export interface RunningS3rver {
  /** `http://127.0.0.1:<port>`: use with forcePathStyle and keys `S3RVER`/`S3RVER`. */
  endpoint: string;
  /** Stops the server and removes its data folder. */
  close(): Promise<void>;
}

/**
 * Starts s3rver on 127.0.0.1 with an ephemeral port and a fresh temp folder,
 * for tests that need S3 itself rather than a stand-in.
 *
 * It runs in a child process because s3rver seals ListObjectsV2
 * continuation tokens with single DES, which the OpenSSL 3 inside Node 20
 * only provides under `--openssl-legacy-provider`: in-process, every
 * listing that spans a second page fails with a 500. The flag is given to
 * the child alone, so the tests themselves keep Node's defaults.
 *
 * @example
 * const s3 = await startS3rver(['logs']);
 * const client = new S3Client({ endpoint: s3.endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
 * await s3.close();
 */
export async function startS3rver(buckets: string[]): Promise<RunningS3rver> {
  const directory = await mkdtemp(join(tmpdir(), 'tinsel-s3rver-'));
  const child = fork(fileURLToPath(new URL('./s3rver-child.mjs', import.meta.url)), [], {
    execArgv: ['--openssl-legacy-provider'],
    env: { ...process.env, TINSEL_S3RVER_DIRECTORY: directory, TINSEL_S3RVER_BUCKETS: buckets.join(',') },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    }
    await rm(directory, { recursive: true, force: true });
  };
  const listening = new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code, signal) => reject(new Error(`s3rver stopped before it listened (exit code ${code}, signal ${signal})`)));
  });
  try {
    return { endpoint: `http://127.0.0.1:${await listening}`, close };
  } catch (error) {
    await close();
    throw error;
  }
}
