import { fail, ok, quoteForReason, type Result } from '@tinsel/model';
import { mapOtlpSpan } from './map-otlp-span.ts';
import { isOtlpObject, otlpField, otlpList, type OtlpObject } from './otlp-field.ts';
import type { OtlpSpanContext } from './otlp-span.ts';
import type { OtlpTraceBatch } from './otlp-trace-batch.ts';
import { readAttributes } from './read-any-value.ts';
import { readOtlpSpan } from './read-otlp-span.ts';

/**
 * Walks a decoded ExportTraceServiceRequest (either encoding) and maps each
 * span. The containers must follow the schema (arrays of objects), or the
 * whole body fails: spans could not even be counted. A bad resource or
 * scope rejects the spans under it; a bad span rejects only itself.
 *
 * @example
 * collectOtlpSpans({ resourceSpans: [] }) // ok({ spans: [], rejected: [] })
 */
export function collectOtlpSpans(request: OtlpObject): Result<OtlpTraceBatch> {
  const batch: OtlpTraceBatch = { spans: [], rejected: [] };
  const resourceSpans = otlpList(request, 'resourceSpans');
  if (resourceSpans === null) return fail('resourceSpans must be an array');
  for (const [r, group] of resourceSpans.entries()) {
    if (!isOtlpObject(group)) return fail(`resourceSpans[${r}] must be an object, got ${quoteForReason(group)}`);
    const resource = readResource(otlpField(group, 'resource'));
    // The deprecated instrumentationLibrarySpans has ScopeSpans' layout.
    const scoped = otlpList(group, 'scopeSpans');
    const library = otlpList(group, 'instrumentationLibrarySpans');
    if (scoped === null || library === null) return fail(`resourceSpans[${r}].scopeSpans must be an array`);
    for (const [s, scopeGroup] of [...scoped, ...library].entries()) {
      const where = `resourceSpans[${r}].scopeSpans[${s}]`;
      if (!isOtlpObject(scopeGroup)) return fail(`${where} must be an object, got ${quoteForReason(scopeGroup)}`);
      const spans = otlpList(scopeGroup, 'spans');
      if (spans === null) return fail(`${where}.spans must be an array`);
      const context = resource.ok ? readScope(scopeGroup, resource.value) : resource;
      for (const span of spans) addSpan(batch, span, context);
    }
  }
  return ok(batch);
}

function addSpan(batch: OtlpTraceBatch, raw: unknown, context: Result<OtlpSpanContext>): void {
  const index = batch.spans.length + batch.rejected.length;
  if (!context.ok) {
    batch.rejected.push({ index, reason: context.reason });
    return;
  }
  const span = readOtlpSpan(raw);
  if (span.ok) batch.spans.push(mapOtlpSpan(span.value, context.value));
  else batch.rejected.push({ index, reason: span.reason });
}

function readResource(resource: unknown): Result<OtlpSpanContext['resource']> {
  if (resource === undefined || resource === null) return ok({});
  if (!isOtlpObject(resource)) return fail(`resource must be an object, got ${quoteForReason(resource)}`);
  const attributes = readAttributes(otlpField(resource, 'attributes'), {});
  return attributes.ok ? attributes : fail(`resource ${attributes.reason}`);
}

function readScope(group: OtlpObject, resource: OtlpSpanContext['resource']): Result<OtlpSpanContext> {
  const scope = otlpField(group, 'scope') ?? otlpField(group, 'instrumentationLibrary') ?? {};
  if (!isOtlpObject(scope)) return fail(`scope must be an object, got ${quoteForReason(scope)}`);
  const attributes = readAttributes(otlpField(scope, 'attributes'), {});
  if (!attributes.ok) return fail(`scope ${attributes.reason}`);
  const name = otlpField(scope, 'name');
  const version = otlpField(scope, 'version');
  return ok({
    resource,
    resourceJson: Object.keys(resource).length > 0 ? JSON.stringify(resource) : null,
    scopeName: typeof name === 'string' && name !== '' ? name : null,
    scopeVersion: typeof version === 'string' && version !== '' ? version : null,
    scope: attributes.value,
  });
}
