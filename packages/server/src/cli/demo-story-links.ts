import type { SimulatedRequest } from '@tinsel/simulator';

/** The kinds of request worth opening first, with how the demo names them. */
const WORTH_A_LOOK = [
  { outcome: 'app-error', label: '500 failed in the app' },
  { outcome: 'timeout', label: '504 died at the load balancer' },
  { outcome: 'client-closed', label: '460 client gave up' },
] as const;

/**
 * Picks, among the requests sent, sampled ones worth a look (spans, logs and
 * the ALB row all present, one attempt): one per kind, the latest seen. `take` hands
 * over those not yet printed.
 */
export class DemoStoryLinks {
  private readonly latest = new Map<string, SimulatedRequest>();
  private readonly printed = new Set<string>();

  consider(sent: readonly SimulatedRequest[]): void {
    for (const request of sent) {
      // A traced client's retries share its trace id and would make the story
      // end in a later attempt; a browser's retry is a story of its own.
      if (request.segment === null || request.plan.self !== null) continue;
      if (WORTH_A_LOOK.some((kind) => kind.outcome === request.plan.outcome)) this.latest.set(request.plan.outcome, request);
    }
  }

  /** Lines `  <label>  <api>/story/<trace id>` (the story page of the web UI) for kinds not printed before. */
  take(api: string): string[] {
    const lines: string[] = [];
    for (const kind of WORTH_A_LOOK) {
      const request = this.latest.get(kind.outcome);
      if (request === undefined || this.printed.has(kind.outcome)) continue;
      this.printed.add(kind.outcome);
      lines.push(`  ${kind.label.padEnd(31)} ${api}/story/${request.plan.traceId}`);
    }
    return lines;
  }
}
