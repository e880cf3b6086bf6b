export * from './catalogue';
export * from './types';
export { euros, formatSource, sourced } from './sourced';
export { validateAowTable, validateCatalogue } from './validate';
export type { AowAgeRow } from './data/aow-leeftijd';
export { parameterRows, renderParameterTable, type ParameterRow } from './parameter-table';
