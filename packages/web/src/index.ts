// The Node side of @tinsel/web: where the built UI lives and how to build it.
// The browser entry is src/main.tsx, which Vite bundles.
export { canBuildWeb, ensureWebBuild, webBuildIsStale, webDistDir, webRoot } from './build/ensure-web-build.ts';
