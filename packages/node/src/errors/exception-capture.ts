import { contextOfError, contextProperties, currentContext } from '../context/ambient.ts';
import type { LogEvent } from '../logs/log-event.ts';
import { describeException } from '../spans/span.ts';
import type { LocalsCapture } from './locals-capture.ts';
import { RateLimiter } from './rate-limiter.ts';
import { redact } from './redact.ts';

/**
 * Turns an exception into an error log event carrying the stack, the ambient
 * context and, when locals capture is on, the variables of the throwing
 * frames; marks the current span as a fault with the exception. Rate-limited;
 * returns null when the limit refused it. Never throws.
 */
export class ExceptionCapture {
  private readonly limiter: RateLimiter;
  captured = 0;

  constructor(private readonly emit: (event: LogEvent) => void, private readonly locals: LocalsCapture | null, perSecond = 50) {
    this.limiter = new RateLimiter(perSecond);
  }

  get rateLimited(): number {
    return this.limiter.refused;
  }

  capture(error: unknown, extra: Record<string, unknown> = {}): LogEvent | null {
    try {
      if (!this.limiter.tryTake()) return null;
      const ambient = contextOfError(error);
      const current = currentContext();
      const described = describeException(error);
      for (const span of new Set([ambient?.span, current?.span])) {
        if (span && span.exception === null) {
          span.exception = described;
          span.fault = true;
        }
      }
      const properties: Record<string, unknown> = { ...(ambient ? contextProperties(ambient) : {}), ...(redact(extra) as Record<string, unknown>), exception_type: described.type };
      delete properties.trace_id;
      delete properties.span_id;
      const locals = this.locals?.localsOf(error);
      if (locals) properties.locals = locals;
      const event: LogEvent = {
        timestamp: Date.now(), level: 'error', message: `${described.type}: ${described.message}`, template: null, exception: described.stack,
        traceId: ambient?.traceId ?? null, spanId: ambient?.spanId ?? null, properties,
      };
      this.captured++;
      this.emit(event);
      return event;
    } catch {
      return null;
    }
  }
}
