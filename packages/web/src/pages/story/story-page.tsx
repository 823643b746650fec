// The request story (`/story/<any id form>`): the load balancer's record, the
// spans and the log lines of one request on one time axis.
import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { fetchStory } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { findTraceId } from '../../app/find-trace-id.ts';
import { storyPath } from '../../app/paths.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { AttemptLaneView } from './attempt-lane.tsx';
import { StoryHeader } from './story-header.tsx';
import { buildLanes, storyEndMs } from './timeline-rows.ts';

function OpenStoryForm() {
  const [text, setText] = useState('');
  const id = findTraceId(text);
  return (
    <form
      className="panel stack open-story"
      onSubmit={(event) => {
        event.preventDefault();
        if (id) navigate(storyPath(id));
      }}
    >
      <h1>Request story</h1>
      <label htmlFor="story-id">Paste a trace id in any form: X-Ray id, 32 hex digits, an X-Amzn-Trace-Id header or a traceparent. Ctrl/Cmd+K does the same from any page.</label>
      <div className="row">
        <input id="story-id" className="mono grow" value={text} onChange={(event) => setText(event.target.value)} placeholder="Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1" />
        <button type="submit" className="primary" disabled={id === null}>
          Open
        </button>
      </div>
    </form>
  );
}

function StoryView({ id }: { id: string }) {
  const story = useApi(`story:${id}`, (abort) => fetchStory(id, abort));
  if (story.state === 'loading') return <p aria-live="polite">Loading the story of {id}…</p>;
  if (story.state === 'failed') {
    const error = story.error;
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <div className="panel" role="alert">
        <h1>{notFound ? 'No request has this id' : 'The story could not be loaded'}</h1>
        <p>{error.message}</p>
        <OpenStoryForm />
      </div>
    );
  }
  const value = story.value;
  const axisEndMs = storyEndMs(value);
  const lanes = buildLanes(value);
  return (
    <div className="stack story-page" data-testid="story-ready">
      <StoryHeader story={value} />
      {lanes.map((lane) => (
        <AttemptLaneView key={lane.attempt ?? 'loose'} lane={lane} axisEndMs={axisEndMs} traceId={value.traceId} attempts={value.requests.length} />
      ))}
    </div>
  );
}

/** The Story page. */
export function StoryPage() {
  const { segments } = useLocation();
  const id = segments[1];
  return id ? <StoryView key={id} id={id} /> : <OpenStoryForm />;
}
