import { incidentsTable } from '@tinsel/model';
import { ident, sql, type Store } from '@tinsel/store';
import type { Incident } from './incident.ts';

/** Incidents kept in the store's `incidents` table, one row per incident in its latest state. */
export class IncidentRepository {
  constructor(private readonly store: Store) {}

  /** Replaces the stored row of each incident with its current state. */
  async save(incidents: readonly Incident[]): Promise<void> {
    for (const i of incidents) {
      await this.store.execute(sql`DELETE FROM ${ident('incidents')} WHERE id = ${i.id}`);
      await this.store.append(incidentsTable, [{
        opened_at: i.openedAt * 1000,
        id: i.id,
        status: i.status,
        family: i.family,
        title: i.title,
        updated_at: i.updatedAt * 1000,
        resolved_at: i.resolvedAt === null ? null : i.resolvedAt * 1000,
        body: JSON.stringify(i),
      }]);
    }
  }

  /** Incidents opened in [from, to) (epoch ms), newest first; `status` filters. */
  async list(options: { fromMs: number; toMs: number; status?: 'open' | 'resolved'; limit: number }): Promise<Incident[]> {
    const d = this.store.dialect;
    const status = options.status === undefined ? sql`` : sql` AND status = ${options.status}`;
    const rows = await this.store.query(sql`
      SELECT body FROM ${ident('incidents')}
      WHERE opened_at >= ${d.timestamp(options.fromMs * 1000)} AND opened_at < ${d.timestamp(options.toMs * 1000)}${status}
      ORDER BY opened_at DESC LIMIT ${options.limit}`);
    return rows.map((r) => JSON.parse(String(r.body)) as Incident);
  }

  async get(id: string): Promise<Incident | undefined> {
    const rows = await this.store.query(sql`SELECT body FROM ${ident('incidents')} WHERE id = ${id} LIMIT 1`);
    const body = rows[0]?.body;
    return body === undefined ? undefined : (JSON.parse(String(body)) as Incident);
  }

  /** Incidents still open, to carry on after a restart. */
  async open(): Promise<Incident[]> {
    const rows = await this.store.query(sql`SELECT body FROM ${ident('incidents')} WHERE status = ${'open'}`);
    return rows.map((r) => JSON.parse(String(r.body)) as Incident);
  }
}
