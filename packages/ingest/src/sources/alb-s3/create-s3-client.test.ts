import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createS3Client } from './create-s3-client.ts';

describe('createS3Client', () => {
  it('defaults to AWS in us-east-1 with virtual-hosted buckets', async () => {
    const client = createS3Client({}, {});
    assert.equal(await client.config.region(), 'us-east-1');
    assert.equal(client.config.forcePathStyle, false);
    client.destroy();
  });

  it('takes the region from AWS_REGION and the endpoint from TINSEL_S3_ENDPOINT, then path-style', async () => {
    const client = createS3Client({}, { AWS_REGION: 'eu-west-1', TINSEL_S3_ENDPOINT: 'http://127.0.0.1:9000' });
    assert.equal(await client.config.region(), 'eu-west-1');
    assert.equal(client.config.forcePathStyle, true);
    const endpoint = await client.config.endpoint?.();
    assert.equal(endpoint?.hostname, '127.0.0.1');
    assert.equal(endpoint?.port, 9000);
    client.destroy();
  });

  it('lets explicit settings win over the environment', async () => {
    const client = createS3Client({ region: 'ap-south-1', endpoint: 'http://10.0.0.5:9000', forcePathStyle: false }, { AWS_REGION: 'eu-west-1', TINSEL_S3_ENDPOINT: 'http://127.0.0.1:9000' });
    assert.equal(await client.config.region(), 'ap-south-1');
    assert.equal(client.config.forcePathStyle, false);
    assert.equal((await client.config.endpoint?.())?.hostname, '10.0.0.5');
    client.destroy();
  });
});
