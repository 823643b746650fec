// Worker threads do not inherit the TypeScript loader the main thread runs
// with, so the worker starts here, in plain JavaScript, and loads its
// TypeScript entry through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./dataset-worker.ts', import.meta.url);
