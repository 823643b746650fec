// What pages share: routing, addresses, theme colours.
export { Link, navigate, useLocation, useUrlState, setUrlParams, hrefOf, type Location } from './router.tsx';
export { storyPath, tracePath, searchPath, dashboardsPath, serviceMapPath, insightsPath, alertsPath } from './paths.ts';
export { themeColor, useCurrentTheme } from './theme.ts';
export { findTraceId } from './find-trace-id.ts';
