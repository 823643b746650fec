import { sql, type Sql } from '@tinsel/store';

/**
 * A route from the request line: the method and the path with numeric
 * segments folded, so `/products/10042` and `/products/977` are one route.
 */
export const routeExpression: Sql = sql`(coalesce(request_method, '-') || ' ' || coalesce(regexp_replace(request_path, '/[0-9]+', '/{id}', 'g'), '-'))`;
