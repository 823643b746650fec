import type { FastifyInstance } from 'fastify';
import { loadStory } from '@tinsel/query';
import { ApiError } from '../../errors.ts';
import type { AppDeps } from '../create-app.ts';

/**
 * `GET /api/story/:id`: the whole story of one request — ALB records with
 * their phases, the span tree, log lines, the verdict, unaccounted time and
 * enrichment — for any id form, a whole `X-Amzn-Trace-Id` header included
 * (URL-encoded).
 */
export function registerStoryRoute(app: FastifyInstance, deps: AppDeps): void {
  // A wildcard rather than `:id`: a whole header is longer than the router's
  // limit for a named parameter (100 characters).
  app.get('/api/story/*', async (request) => {
    const id = (request.params as { '*': string })['*'];
    const story = await loadStory(deps.store, id);
    if (!story.ok) throw new ApiError('TINSEL_ERR_STORY_BAD_ID', `id: ${story.reason}`);
    if (story.value === null) throw new ApiError('TINSEL_ERR_STORY_NOT_FOUND');
    return story.value;
  });
}
