// The generated Prisma client imports its own modules as `./x.js` (ESM-style specifiers for .ts sources); jest
// resolves those to the .ts files through the extra mapping below.
const preset = require('../../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'provider-registry',
  rootDir: __dirname,
  moduleNameMapper: { ...preset.moduleNameMapper, '^(\\.{1,2}/.*)\\.js$': '$1' },
};
