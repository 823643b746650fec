import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAlbLogName } from './is-alb-log-name.ts';

describe('isAlbLogName', () => {
  it('keeps gzipped ALB logs and plain Classic ELB logs', () => {
    assert.equal(isAlbLogName('123456789012_elasticloadbalancing_us-east-2_app.web.1a2b_20240501T1005Z_10.0.1.7_x1y2.log.gz'), true);
    assert.equal(isAlbLogName('123456789012_elasticloadbalancing_us-east-2_web_20240501T1100Z_10.0.1.7_x1y2.log'), true);
    assert.equal(isAlbLogName('hand-made.log'), true);
  });

  it('skips the test file, connection logs, hidden files and other extensions', () => {
    assert.equal(isAlbLogName('ELBAccessLogTestFile'), false);
    assert.equal(isAlbLogName('conn_log.123456789012_elasticloadbalancing_us-east-2_app.web.1a2b_20240501T1005Z_10.0.1.7_x1y2.log.gz'), false);
    assert.equal(isAlbLogName('.partial.log.gz'), false);
    assert.equal(isAlbLogName('summary.json'), false);
    assert.equal(isAlbLogName('x.log.gz.tmp'), false);
  });
});
