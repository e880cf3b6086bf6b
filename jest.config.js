// One jest run over every project, so the totals are the platform's totals.
// Integration tests share one real Kafka broker and one PostgreSQL server, started by globalSetup.
module.exports = {
  projects: ['<rootDir>/libs/*/jest.config.js', '<rootDir>/apps/*/jest.config.js'],
  globalSetup: '<rootDir>/tools/test/global-setup.js',
  reporters: ['default', '<rootDir>/tools/test/totals-reporter.js'],
};
