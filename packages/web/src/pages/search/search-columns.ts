// The columns each signal shows in the results table; every field is in the row detail.
import type { Signal } from '../../api/types.ts';

export interface Column {
  field: string;
  label: string;
  /** CSS grid track, e.g. `90px` or `minmax(200px, 1fr)`. */
  width: string;
  kind?: 'time' | 'status' | 'trace' | 'level' | 'seconds';
}

export const SEARCH_COLUMNS: Record<Signal, Column[]> = {
  requests: [
    { field: 'time', label: 'Time', width: '190px', kind: 'time' },
    { field: 'elb_status_code', label: 'ELB', width: '52px', kind: 'status' },
    { field: 'target_status_code', label: 'Target', width: '60px', kind: 'status' },
    { field: 'request_method', label: 'Method', width: '64px' },
    { field: 'request_path', label: 'Path', width: 'minmax(160px, 1fr)' },
    { field: 'target_processing_time', label: 'Target s', width: '80px', kind: 'seconds' },
    { field: 'tenant', label: 'Tenant', width: '110px' },
    { field: 'instance_id', label: 'Instance', width: '170px' },
    { field: 'trace_id', label: 'Trace', width: '150px', kind: 'trace' },
  ],
  spans: [
    { field: 'start_time', label: 'Start', width: '190px', kind: 'time' },
    { field: 'service', label: 'Service', width: '120px' },
    { field: 'name', label: 'Name', width: 'minmax(200px, 1fr)' },
    { field: 'kind', label: 'Kind', width: '70px' },
    { field: 'status', label: 'Status', width: '70px' },
    { field: 'duration_ms', label: 'ms', width: '80px' },
    { field: 'http_status', label: 'HTTP', width: '56px', kind: 'status' },
    { field: 'trace_id', label: 'Trace', width: '150px', kind: 'trace' },
  ],
  logs: [
    { field: 'timestamp', label: 'Time', width: '190px', kind: 'time' },
    { field: 'level', label: 'Level', width: '64px', kind: 'level' },
    { field: 'service', label: 'Service', width: '100px' },
    { field: 'message', label: 'Message', width: 'minmax(300px, 1fr)' },
    { field: 'trace_id', label: 'Trace', width: '150px', kind: 'trace' },
  ],
};

/** The time column of each signal. */
export const TIME_FIELD: Record<Signal, string> = { requests: 'time', spans: 'start_time', logs: 'timestamp' };
