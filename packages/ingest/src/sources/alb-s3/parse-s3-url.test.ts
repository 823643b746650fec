import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseS3Url } from './parse-s3-url.ts';

describe('parseS3Url', () => {
  it('splits the bucket from the prefix', () => {
    assert.deepEqual(parseS3Url('s3://acme-logs/alb/AWSLogs/'), { bucket: 'acme-logs', prefix: 'alb/AWSLogs/' });
    assert.deepEqual(parseS3Url('s3://acme-logs'), { bucket: 'acme-logs', prefix: '' });
    assert.deepEqual(parseS3Url('s3://acme-logs/'), { bucket: 'acme-logs', prefix: '' });
  });

  it('returns null for anything else', () => {
    assert.equal(parseS3Url('s3:///alb/'), null);
    assert.equal(parseS3Url('https://acme-logs.s3.amazonaws.com/alb/'), null);
    assert.equal(parseS3Url('/data/AWSLogs'), null);
  });
});
