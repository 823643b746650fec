import http from 'node:http';
import https from 'node:https';

const httpRequest = http.request;
const httpsRequest = https.request;

/**
 * POSTs a body and resolves true on a 2xx answer, false on anything else
 * (refused connection, timeout, error status). Never rejects. The request
 * functions are taken at load time, before any instrumentation wraps them.
 */
export function postBody(url: string, body: string | Buffer, contentType: string, timeoutMs = 5000): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const target = new URL(url);
      const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
        method: 'POST',
        headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300);
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => resolve(false));
      request.end(body);
    } catch {
      resolve(false);
    }
  });
}
