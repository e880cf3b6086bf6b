// The generated Prisma client imports its own files with ".js" suffixes (ESM style); jest resolves them to the .ts.
const preset = require('../../jest.preset.js');
module.exports = {
  ...preset,
  displayName: 'scholingsregister',
  rootDir: __dirname,
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1', ...preset.moduleNameMapper },
};
