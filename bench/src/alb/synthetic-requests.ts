import { sampleRequest } from '@tinsel/store';
import type { RequestRecord } from '@tinsel/model';

/** Varied request rows without parsing, for measuring the store alone. */
export function syntheticRequests(count: number, startMicros: number): RequestRecord[] {
  const rows: RequestRecord[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const hex = (i * 2654435761 + 0x9e3779b9).toString(16).padStart(8, '0').slice(-8);
    rows[i] = sampleRequest({
      time: startMicros + i * 3000 + (i % 997),
      client_port: 1024 + (i % 60000),
      target_ip: `10.0.${i % 4}.${i % 20}`,
      request_path: `/api/orders/${i % 5000}`,
      request_url: `https://tenant${i % 200}.example.com:443/api/orders/${i % 5000}?page=${i % 7}`,
      trace_id: `${(startMicros / 1e6).toString(16).slice(0, 8)}${hex}${hex}${hex}`.slice(0, 32).padEnd(32, '0'),
      target_processing_time: ((i * 7919) % 2000) / 1000,
      sent_bytes: 200 + (i % 30000),
      domain_name: `tenant${i % 200}.example.com`,
      conn_trace_id: `TID_${hex}${hex}${hex}${hex}`,
    });
  }
  return rows;
}
