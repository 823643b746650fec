import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAlbKey } from './parse-alb-key.ts';

// The example key of the ALB access-log documentation.
const DOC_EXAMPLE =
  's3://my-bucket/prefix/AWSLogs/123456789012/elasticloadbalancing/us-east-2/2016/05/01/123456789012_elasticloadbalancing_us-east-2_app.my-loadbalancer.1234567890abcdef_20140215T2340Z_172.160.001.192_20sg8hgm.log.gz';

describe('parseAlbKey', () => {
  it('reads account, region, load balancer, end time and node from the documented key', () => {
    assert.deepEqual(parseAlbKey(DOC_EXAMPLE), {
      accountId: '123456789012',
      region: 'us-east-2',
      lbId: 'app.my-loadbalancer.1234567890abcdef',
      lbName: 'my-loadbalancer',
      endTime: '2014-02-15T23:40:00.000Z',
      nodeIp: '172.160.1.192',
    });
  });

  it('reads a local path and a bare object name alike', () => {
    const name = '210987654321_elasticloadbalancing_eu-west-1_app.shop-web.8f1c2d3e4a5b6c7d_20240311T0920Z_10.1.0.37_5m9ce9zd.log.gz';
    assert.equal(parseAlbKey(`/data/copy/${name}`)?.lbName, 'shop-web');
    assert.equal(parseAlbKey(name)?.accountId, '210987654321');
    assert.equal(parseAlbKey(`C:\\logs\\${name}`)?.region, 'eu-west-1');
  });

  it('reads a Classic ELB plain .log, whose id is its name', () => {
    const meta = parseAlbKey('AWSLogs/111122223333/elasticloadbalancing/us-gov-west-1/2024/01/02/111122223333_elasticloadbalancing_us-gov-west-1_legacy-web_20240102T0100Z_10.0.0.9_abc123.log');
    assert.deepEqual(meta, { accountId: '111122223333', region: 'us-gov-west-1', lbId: 'legacy-web', lbName: 'legacy-web', endTime: '2024-01-02T01:00:00.000Z', nodeIp: '10.0.0.9' });
  });

  it('gives no name for an id of an unknown shape', () => {
    assert.equal(parseAlbKey('111122223333_elasticloadbalancing_us-east-1_odd.id_20240102T0100Z_10.0.0.9_abc.log.gz')?.lbName, null);
  });

  it('returns null for connection logs, the test file and other names', () => {
    assert.equal(parseAlbKey(DOC_EXAMPLE.replace('/01/123456789012_', '/01/conn_log.123456789012_')), null);
    assert.equal(parseAlbKey('AWSLogs/123456789012/ELBAccessLogTestFile'), null);
    assert.equal(parseAlbKey('notes.txt'), null);
    assert.equal(parseAlbKey(DOC_EXAMPLE.replace('.log.gz', '.csv')), null);
    assert.equal(parseAlbKey(DOC_EXAMPLE.replace('123456789012_elastic', '12345_elastic')), null);
  });

  it('returns null for an end time that is no date', () => {
    assert.equal(parseAlbKey(DOC_EXAMPLE.replace('20140215T2340Z', '20140230T2340Z')), null);
    assert.equal(parseAlbKey(DOC_EXAMPLE.replace('20140215T2340Z', '20140215T2460Z')), null);
  });
});
