// Prints jest's totals as one plain last line, "N passed, N failed", so a CI log is recognised as a test run.
// A suite that fails to load (syntax error, failing beforeAll import) counts as a failure: it ran no tests, and
// hiding it would let a broken file pass CI.
class TotalsReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`${results.numPassedTests} passed, ${failed} failed\n`);
  }
}
module.exports = TotalsReporter;
