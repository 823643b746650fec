import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ContrastCount } from './query-contrast.ts';
import { rankCandidates } from './rank-candidates.ts';

const c = (dimension: string, value: string, bad: number, good: number): ContrastCount => ({ dimension, value, bad, good });

describe('rankCandidates', () => {
  it('puts first the value most over-represented among bad requests, with lift and share', () => {
    const counts = [
      c('route', 'GET /a', 50, 500), c('route', 'GET /b', 50, 500),
      c('instance_id', 'i-1', 95, 150), c('instance_id', 'i-2', 5, 850),
      c('az', 'eu-west-1a', 97, 500), c('az', 'eu-west-1b', 3, 500),
    ];
    const [top, second] = rankCandidates(counts);
    assert.equal(top?.dimension, 'instance_id');
    assert.equal(top?.value, 'i-1');
    assert.equal(top?.badShare, 0.95);
    assert.equal(top?.lift, 0.95 / 0.15);
    assert.equal(second?.dimension, 'az');
  });

  it('names the new version rather than the route it breaks', () => {
    const counts = [
      c('route', 'POST /checkout', 30, 60), c('route', 'GET /', 0, 2910),
      c('app_version', '4.3.1', 30, 970), c('app_version', '4.2.0', 0, 2000),
      c('ami_id', 'ami-new', 30, 970), c('ami_id', 'ami-old', 0, 2000),
    ];
    const [top, second] = rankCandidates(counts);
    assert.equal(top?.dimension, 'app_version');
    assert.match(top?.note ?? '', /POST \/checkout fails only where app_version is 4.3.1/);
    assert.equal(second?.dimension, 'route');
  });

  it('lists nothing when bad requests are spread like good ones', () => {
    assert.deepEqual(rankCandidates([c('route', 'GET /a', 5, 500), c('route', 'GET /b', 5, 500)]), []);
  });
});
