export * from './cloudevents';
export * from './client';
export * from './topics';
export * from './outbox';
export * from './consumer';
