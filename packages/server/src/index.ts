export * from './http/create-app.ts';
export * from './open-tinsel.ts';
export * from './config/config.ts';
export * from './config/load-config.ts';
export * from './config/validate-config.ts';
export * from './errors.ts';
export * from './start-listeners.ts';
