import { col } from './column.ts';
import { defineTable, type RowOf } from './table.ts';

/** Incidents the insights detector opened, one row per incident in its latest state. */
export const incidentsTable = defineTable({
  name: 'incidents',
  timeColumn: 'opened_at',
  doc: 'Incidents opened by anomaly detection, with their lifecycle, root-cause candidates and timeline.',
  columns: {
    opened_at: col.timestamp.required('When the incident was opened.'),
    id: col.string.required('Incident id.'),
    status: col.string.required('open or resolved.', { lowCardinality: true }),
    family: col.string.required('errors, latency or disconnects.', { lowCardinality: true }),
    title: col.string.required('One line for a person on call.'),
    updated_at: col.timestamp.required('When it last changed.'),
    resolved_at: col.timestamp.nullable('When it was resolved; null while open.'),
    body: col.json.required('The whole incident as JSON: signals, candidates, samples, impact, timeline.'),
  },
});

export type IncidentRecord = RowOf<typeof incidentsTable>;
