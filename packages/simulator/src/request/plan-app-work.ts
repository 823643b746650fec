import type { Route } from '../app/routes.ts';
import type { SeededRandom } from '../random/seeded-random.ts';
import { AppWork, Call, type SimulatedException } from './request-plan.ts';

/** Beyond this the app gives up on a query (and the ALB, at 60 s, on the app). */
const HANG_MICROS = 75_000_000;

/**
 * Lays out the app's work for one request starting at `start` (epoch µs):
 * its own work before and after, then each query and the remote call in
 * turn, every duration log-normal and bent by the incidents' effects. A
 * hanging request spends its time in a query that never returns.
 */
export function planAppWork(random: SeededRandom, route: Route, dbFactor: number, hostFactor: number, broken: boolean, start: number, hang: boolean, baselineFault: boolean): AppWork {
  let cursor = start + micros(random.logNormal(route.medianMs * 0.6, route.sigma) * hostFactor);
  const calls: Call[] = [];
  let exception: SimulatedException | null = null;
  for (const query of route.queries) {
    cursor += 50 + random.below(150);
    const duration = hang && calls.length === 0 ? HANG_MICROS : micros(random.logNormal(query.medianMs * dbFactor, dbFactor > 1 ? 0.8 : 0.5));
    calls.push(new Call(random.uint32(), random.uint32(), 'sql', cursor, cursor + duration, query.sql, null, hang && calls.length === 0));
    cursor += duration;
    if (hang) {
      exception = npgsqlTimeout(random);
      break;
    }
  }
  if (route.remote !== null && !hang) {
    cursor += 100 + random.below(200);
    const duration = micros(random.logNormal(route.remote.medianMs, 0.4));
    calls.push(new Call(random.uint32(), random.uint32(), 'http', cursor, cursor + duration, route.remote.url, 200, false));
    cursor += duration;
  }
  if (broken && random.chance(0.9)) exception = nullReference(random);
  else if (baselineFault && exception === null) exception = noElements(random);
  cursor += micros(random.logNormal(route.medianMs * 0.4, route.sigma) * hostFactor);
  // Arguments are evaluated in order: the draws stay where they always were.
  return new AppWork(
    random.uint32(),
    random.uint32(),
    start,
    cursor,
    exception === null ? route.status : 500,
    calls,
    exception,
    random.below(60_000),
    random.uint32(),
    route.name === 'POST /checkout' ? 100_000 + random.below(900_000) : null,
  );
}

function micros(milliseconds: number): number {
  return Math.max(1, Math.round(milliseconds * 1000));
}

function nullReference(random: SeededRandom): SimulatedException {
  return {
    id: random.hex(2),
    type: 'System.NullReferenceException',
    message: 'Object reference not set to an instance of an object.',
    frames: [
      { label: 'Shop.Checkout.PriceCalculator.ApplyPromotions(Cart cart)', path: '/src/Shop/Checkout/PriceCalculator.cs', line: 88 },
      { label: 'Shop.Checkout.CheckoutService.PlaceOrderAsync(CheckoutRequest request)', path: '/src/Shop/Checkout/CheckoutService.cs', line: 142 },
      { label: 'Shop.Web.Controllers.CheckoutController.Post(CheckoutForm form)', path: '/src/Shop.Web/Controllers/CheckoutController.cs', line: 37 },
    ],
  };
}

function noElements(random: SeededRandom): SimulatedException {
  return {
    id: random.hex(2),
    type: 'System.InvalidOperationException',
    message: 'Sequence contains no elements',
    frames: [
      { label: 'System.Linq.ThrowHelper.ThrowNoElementsException()', path: '', line: 0 },
      { label: 'Shop.Catalog.ProductService.GetFeaturedAsync(TenantId tenant)', path: '/src/Shop/Catalog/ProductService.cs', line: 61 },
      { label: 'Shop.Web.Controllers.HomeController.Index()', path: '/src/Shop.Web/Controllers/HomeController.cs', line: 22 },
    ],
  };
}

function npgsqlTimeout(random: SeededRandom): SimulatedException {
  return {
    id: random.hex(2),
    type: 'Npgsql.NpgsqlException',
    message: 'Exception while reading from stream ---> System.TimeoutException: Timeout during reading attempt',
    frames: [
      { label: 'Npgsql.Internal.NpgsqlConnector.ReadMessageLong(Boolean async, DataRowLoadingMode dataRowLoadingMode)', path: '', line: 0 },
      { label: 'Npgsql.NpgsqlDataReader.NextResult(Boolean async)', path: '', line: 0 },
      { label: 'Shop.Data.TenantDb.QueryAsync[T](String sql, Object args)', path: '/src/Shop/Data/TenantDb.cs', line: 54 },
    ],
  };
}
