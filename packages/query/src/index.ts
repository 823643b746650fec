export * from './list-dead-letters.ts';
export * from './parse-time.ts';
export * from './select-trace-spans.ts';
export * from './search-traces.ts';
export * from './service-map.ts';
export * from './inherit-services.ts';
export * from './tql/index.ts';
export * from './story/index.ts';
