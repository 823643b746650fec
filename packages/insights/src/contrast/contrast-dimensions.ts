import { ident, sql, type Sql } from '@tinsel/store';
import { routeExpression } from '../detection/route-expression.ts';

/** A request attribute the contrast splits bad and good requests by. */
export interface ContrastDimension {
  name: string;
  expr: Sql;
  /** Deployment dimensions change when someone ships; workload dimensions are what users ask for. */
  role: 'deployment' | 'workload' | 'infrastructure';
}

function column(name: string, role: ContrastDimension['role']): ContrastDimension {
  return { name, expr: sql`${ident(name)}`, role };
}

/** In order of preference when two explain the bad requests equally well. */
export const contrastDimensions: readonly ContrastDimension[] = [
  column('instance_id', 'deployment'),
  column('app_version', 'deployment'),
  column('ami_id', 'deployment'),
  column('db_server', 'infrastructure'),
  column('tenant', 'workload'),
  { name: 'route', expr: routeExpression, role: 'workload' },
  column('az', 'infrastructure'),
  column('error_reason', 'infrastructure'),
  column('classification', 'workload'),
];

export function dimensionNamed(name: string): ContrastDimension | undefined {
  return contrastDimensions.find((d) => d.name === name);
}
