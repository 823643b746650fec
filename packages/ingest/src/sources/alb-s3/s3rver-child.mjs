// Runs s3rver, a real S3-compatible server, in a Node process of its own for
// the S3 source's tests (started by start-s3rver.ts, which says why).
// Reports its port over IPC and exits when its parent goes away.
import S3rver from 's3rver';

const directory = process.env.TINSEL_S3RVER_DIRECTORY;
const buckets = (process.env.TINSEL_S3RVER_BUCKETS ?? '').split(',').filter((name) => name !== '');
const server = new S3rver({
  port: 0,
  address: '127.0.0.1',
  silent: true,
  directory,
  configureBuckets: buckets.map((name) => ({ name })),
});
const { port } = await server.run();
process.on('disconnect', () => {
  server.close().finally(() => process.exit(0));
});
process.send?.({ port });
