// @stap/regelingen: the schemes (regelingen) as versioned data and the pure rules that decide on
// them. No I/O, no dependencies beyond the standard library. README.md maps every rule to its source.
export * from './calendar';
export * from './codes';
export * from './config';
export * from './result';
export * from './rules';
export * from './validators';
export * from './rules/advice-caps';
