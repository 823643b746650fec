export * from './client.ts';
export * from './types.ts';
export { ApiError } from './api-error.ts';
