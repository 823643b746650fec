import { deadLettersTable } from './dead-letters-table.ts';
import { incidentsTable } from './incidents-table.ts';
import { logBlocksTable } from './log-blocks-table.ts';
import { logsTable } from './logs-table.ts';
import { requestsTable } from './requests-table.ts';
import { spansTable } from './spans-table.ts';

/** Every table of the canonical store, by name. */
export const tables = {
  requests: requestsTable,
  spans: spansTable,
  logs: logsTable,
  dead_letters: deadLettersTable,
  incidents: incidentsTable,
  log_blocks: logBlocksTable,
} as const;

export type TableName = keyof typeof tables;

/** The three signals a user queries. */
export const signals = ['requests', 'spans', 'logs'] as const;
export type Signal = (typeof signals)[number];
