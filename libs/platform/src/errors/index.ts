export * from './application-error';
