export * from './client.ts';
export * from './types.ts';
export * from './insights-types.ts';
export { ApiError } from './api-error.ts';
export { fetchSession, signIn, signOut, type Credentials, type SessionInfo, type SignInMethod } from './session.ts';
export { onUnauthorized } from './unauthorized.ts';
