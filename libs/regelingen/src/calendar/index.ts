export * from './iso-date';
export * from './amsterdam-time';
