// Records jest's totals as one plain line, "N passed, N failed", so a CI log is recognised as a test run.
// jest's own summary prints after every reporter, so the line is written to .infra/jest-totals and `tools/stap test`
// prints it last. A suite that fails to load (syntax error, failing beforeAll import) counts as a failure: it ran no
// tests, and hiding it would let a broken file pass CI.
const fs = require('node:fs');
const path = require('node:path');

const totalsFile = path.resolve(__dirname, '../../.infra/jest-totals');

class TotalsReporter {
  onRunStart() {
    fs.rmSync(totalsFile, { force: true });
  }

  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    fs.mkdirSync(path.dirname(totalsFile), { recursive: true });
    fs.writeFileSync(totalsFile, `${results.numPassedTests} passed, ${failed} failed\n`);
  }
}
module.exports = TotalsReporter;
