import type { StoryRequest, StorySpan } from './story.ts';

// The columns ingest fills from the tenant and instance tables, and the
// few ALB fields that say where the request went.
const FROM_REQUEST = ['tenant', 'db_server', 'db_name', 'site_tier', 'instance_id', 'ami_id', 'app_version', 'az', 'asg', 'lb_name', 'region', 'account_id', 'domain_name', 'target_ip'] as const;

/**
 * The enrichment header of a story: from the ALB record the client saw (the
 * last attempt), or, without one, the service and host of the root span.
 *
 * @example
 * storyEnrichment(request, spans).tenant // 'acme'
 */
export function storyEnrichment(request: StoryRequest | null, spans: readonly StorySpan[]): Record<string, string | number | null> {
  const enrichment: Record<string, string | number | null> = {};
  for (const column of FROM_REQUEST) enrichment[column] = scalar(request?.[column]);
  const root = spans.find((s) => s.depth === 0);
  enrichment.service = scalar(root?.service);
  enrichment.host = scalar(root?.host);
  return enrichment;
}

function scalar(value: unknown): string | number | null {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}
