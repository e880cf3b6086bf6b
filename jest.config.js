// One jest run over every project, so the totals are the platform's totals.
// Integration tests share one real Kafka broker and one PostgreSQL server, started by globalSetup.
module.exports = {
  projects: ['<rootDir>/libs/*/jest.config.js', '<rootDir>/apps/*/jest.config.js'],
  // Integration tests wait on a real broker (a consumer-group join takes seconds on a busy 2-core machine). The
  // limit only stops a hung test; no test asserts anything about speed. (A global option: projects cannot set it.)
  testTimeout: 60_000,
  globalSetup: '<rootDir>/tools/test/global-setup.js',
  reporters: ['default', '<rootDir>/tools/test/totals-reporter.js'],
};
