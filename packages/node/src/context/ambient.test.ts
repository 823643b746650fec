import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextOfError, contextProperties, currentContext, runInContext, setUser, withContext, type Ambient } from './ambient.ts';

const request = (): Ambient => ({ traceId: '5759e988bd862e3fe1be46a994272793', spanId: '53995c3f42cd8ad8', sampled: false, route: null, tenant: 'acme', user: null, properties: {}, span: null });

describe('ambient context', () => {
  it('follows async work inside a request and is absent outside', async () => {
    assert.equal(currentContext(), undefined);
    await runInContext(request(), async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      assert.equal(currentContext()?.tenant, 'acme');
    });
    assert.equal(currentContext(), undefined);
  });

  it('adds withContext properties for the callback only, innermost winning', () => {
    runInContext(request(), () => {
      withContext({ orderId: 'o-1', step: 'a' }, () => {
        withContext({ step: 'b' }, () => assert.deepEqual(currentContext()?.properties, { orderId: 'o-1', step: 'b' }));
      });
      assert.deepEqual(currentContext()?.properties, {});
    });
  });

  it('flattens into log properties with the late route and the user set during the request', () => {
    runInContext({ ...request(), resolveRoute: () => '/orders/:id' }, () => {
      setUser('ann');
      withContext({ orderId: 'o-1' }, () => {
        assert.deepEqual(contextProperties(currentContext()!), { trace_id: '5759e988bd862e3fe1be46a994272793', span_id: '53995c3f42cd8ad8', route: '/orders/:id', tenant: 'acme', user: 'ann', orderId: 'o-1' });
      });
    });
  });

  it('remembers the context an error escaped from, sync or async', async () => {
    await runInContext(request(), async () => {
      const sync = new Error('sync');
      assert.throws(() => withContext({ orderId: 'o-2' }, () => { throw sync; }));
      assert.equal(contextOfError(sync)?.properties.orderId, 'o-2');
      const rejected = new Error('async');
      await assert.rejects(withContext({ orderId: 'o-3' }, async () => { throw rejected; }));
      assert.equal(contextOfError(rejected)?.properties.orderId, 'o-3');
      assert.deepEqual(contextOfError(new Error('elsewhere'))?.properties, {});
    });
  });

  it('runs the callback even outside a request', () => {
    assert.equal(withContext({ a: 1 }, () => 42), 42);
  });
});
