// The generated Prisma client imports its own TypeScript files with a ".js" suffix (ESM style); jest resolves them
// to the .ts sources.
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'advice-registration',
  rootDir: __dirname,
  moduleNameMapper: { ...preset.moduleNameMapper, '^(\\.{1,2}/.*)\\.js$': '$1' },
};
