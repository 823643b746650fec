import { Session } from 'node:inspector';
import { isSecretName, REDACTED } from './redact.ts';
import { RateLimiter } from './rate-limiter.ts';

/** The local variables of one stack frame at the moment of a throw. */
export interface FrameLocals {
  function: string;
  locals: Record<string, unknown>;
}

interface RemoteValue { type?: string; value?: unknown; description?: string; subtype?: string }
interface PausedParams {
  reason: string;
  data?: { description?: string };
  callFrames: Array<{ functionName: string; url: string; location: { lineNumber: number }; scopeChain: Array<{ type: string; object: { objectId?: string } }> }>;
}

const MAX_FRAMES = 5;
const MAX_LOCALS = 30;
const MAX_REMEMBERED = 100;
const MAX_STRING = 200;

/**
 * Pauses on every thrown exception through an in-process `node:inspector`
 * session and keeps the local variables of the app's innermost frames,
 * keyed by the exception's stack text, until `captureException` asks for
 * them. Rate-limited (over the limit the pause is skipped at once), bounded
 * in memory, values shortened, secret-looking names redacted. In-process
 * inspector calls answer synchronously while paused, which is what makes
 * this possible without a worker.
 */
export class LocalsCapture {
  private readonly session = new Session();
  private readonly remembered = new Map<string, FrameLocals[]>();
  private readonly limiter: RateLimiter;

  constructor(perSecond = 20) {
    this.limiter = new RateLimiter(perSecond);
    this.session.connect();
    this.session.on('Debugger.paused', (message) => this.onPaused(message.params as unknown as PausedParams));
    this.session.post('Debugger.enable');
    this.session.post('Debugger.setPauseOnExceptions', { state: 'all' });
  }

  /** The locals remembered for an error thrown earlier, if any. */
  localsOf(error: unknown): FrameLocals[] | null {
    if (!(error instanceof Error) || error.stack === undefined) return null;
    return this.remembered.get(error.stack) ?? null;
  }

  close(): void {
    try {
      this.session.post('Debugger.setPauseOnExceptions', { state: 'none' });
      this.session.disconnect();
    } catch {
      // Already disconnected.
    }
  }

  private onPaused(params: PausedParams): void {
    try {
      const key = params.data?.description;
      if ((params.reason === 'exception' || params.reason === 'promiseRejection') && key !== undefined && this.limiter.tryTake()) {
        const frames = params.callFrames.filter((frame) => !frame.url.startsWith('node:') && !frame.url.includes('/node_modules/')).slice(0, MAX_FRAMES);
        // A rethrow (a catch that throws the error on) pauses again elsewhere: the first throw's locals are the ones that matter.
        if (this.remembered.has(key) && !isOrigin(key, params.callFrames[0])) return;
        this.remember(key, frames.map((frame) => ({ function: frame.functionName || '<anonymous>', locals: this.localsOfFrame(frame.scopeChain) })));
      }
    } catch {
      // Never let the capture disturb the program.
    } finally {
      this.session.post('Debugger.resume');
    }
  }

  private localsOfFrame(scopeChain: PausedParams['callFrames'][number]['scopeChain']): Record<string, unknown> {
    const locals: Record<string, unknown> = {};
    const objectId = scopeChain.find((scope) => scope.type === 'local')?.object.objectId;
    if (objectId === undefined) return locals;
    this.session.post('Runtime.getProperties', { objectId, ownProperties: true }, (error, result) => {
      if (error !== null || result === undefined) return;
      for (const property of result.result.slice(0, MAX_LOCALS)) {
        locals[property.name] = isSecretName(property.name) ? REDACTED : shorten(property.value as RemoteValue | undefined);
      }
    });
    return locals;
  }

  private remember(key: string, frames: FrameLocals[]): void {
    if (this.remembered.size >= MAX_REMEMBERED) {
      const oldest = this.remembered.keys().next().value;
      if (oldest !== undefined) this.remembered.delete(oldest);
    }
    this.remembered.set(key, frames);
  }
}

function shorten(value: RemoteValue | undefined): unknown {
  if (value === undefined) return undefined;
  if (value.type === 'string' && typeof value.value === 'string') return value.value.length > MAX_STRING ? `${value.value.slice(0, MAX_STRING)}…` : value.value;
  if (value.type === 'number' || value.type === 'boolean') return value.value;
  if (value.type === 'undefined') return undefined;
  // Objects are shown by their description (`Object`, `Array(3)`, `Order`): reading them whole would cost too much while paused.
  return value.description ?? value.type;
}

/** True when the paused frame is where the error was created (the first frame of its stack). */
function isOrigin(stack: string, frame: PausedParams['callFrames'][number] | undefined): boolean {
  if (frame === undefined) return false;
  const first = /\n\s+at .*?\(?([^()\s]+):(\d+):\d+\)?$/m.exec(stack);
  if (first === null) return false;
  const [, path = '', line = ''] = first;
  return Number(line) === frame.location.lineNumber + 1 && (frame.url === path || frame.url.endsWith(path));
}
