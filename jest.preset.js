// Shared jest settings for every project. TypeScript is transpiled by SWC (fast, no type check:
// type checking is the `typecheck` target's job). Path aliases mirror tsconfig.base.json.
const path = require('node:path');

const root = __dirname;
const rootPattern = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      { jsc: { target: 'es2023', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['**/?(*.)+(spec|test).ts'],
  moduleNameMapper: {
    '^@stap/platform$': path.join(root, 'libs/platform/src/index.ts'),
    '^@stap/platform/(.*)$': path.join(root, 'libs/platform/src/$1'),
    '^@stap/regelingen$': path.join(root, 'libs/regelingen/src/index.ts'),
    '^@stap/contracts/(.*)$': path.join(root, 'libs/contracts/src/generated/$1'),
  },
  // Anchored at the repository: a checkout may itself live under /tmp (CI clones), which a bare '/tmp/' would hide.
  testPathIgnorePatterns: ['/node_modules/', `^${rootPattern}/\\.infra/`, `^${rootPattern}/tmp/`],
};
