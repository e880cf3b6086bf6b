export * from './errors';
export * from './violations';
export * from './auth';
export * from './handlers';
export * from './server';
export * from './client';
export * from './paging';
