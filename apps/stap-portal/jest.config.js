const preset = require('../../jest.preset.js');

// The generated Prisma client imports its own modules as './x.js' (ESM style) from TypeScript sources.
module.exports = {
  ...preset,
  displayName: 'stap-portal',
  rootDir: __dirname,
  moduleNameMapper: { '^(\\.{1,2}/.*/generated/.*)\\.js$': '$1', '^(\\./(internal|models)/.*)\\.js$': '$1', '^(\\./[a-zA-Z]+)\\.js$': '$1', ...preset.moduleNameMapper },
};
