export * from './bsn';
export * from './iban';
export * from './kvk';
export * from './postcode';
