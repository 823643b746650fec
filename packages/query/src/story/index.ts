// The request story: one id in, the whole request out.
export type { Story, StoryClassification, StoryLog, StoryOutcome, StoryPhase, StoryRequest, StorySpan } from './story.ts';
export { loadStory } from './load-story.ts';
export { assembleStory, type StoryRows } from './assemble-story.ts';
export { selectStoryRows, type StoryWindow } from './select-story-rows.ts';
