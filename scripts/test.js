#!/usr/bin/env node
// `npm test`: install what is missing, then build, typecheck, lint and run every jest project.
// Any failing step fails the whole run. The last line is "N passed, N failed" for CI.
const fs = require('node:fs');
const path = require('node:path');
const { root, run, ensureDependencies } = require('./ensure');

ensureDependencies();

const steps = [
  ['build: contract, function app, tests (tsc -b)', 'npx', ['tsc', '-b']],
  ['build: controls (pcf-scripts, production)', 'node', ['controls/build.js']],
  ['typecheck: controls', 'npx', ['tsc', '-p', 'controls/tsconfig.json', '--noEmit']],
  ['typecheck: tests of contract, function app and tests/', 'npx', ['tsc', '-p', 'tsconfig.tests.json']],
  ['lint: eslint', 'npx', ['eslint', '--max-warnings', '0', '.']],
];
for (const [title, command, args] of steps) {
  console.log(`\n• ${title}`);
  const ms = run(command, args);
  console.log(`  ok in ${(ms / 1000).toFixed(1)} s`);
}

// Browser tests drive Debian's chromium (playwright cannot download its own here): install it once when missing.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium) && process.getuid?.() === 0) {
  console.log('\n• browser: apt-get install chromium (for tests/browser)');
  run('flock', ['/tmp/apt.lock', 'sh', '-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
}

console.log('\n• tests: jest (contract, functions, controls, tests)');
const report = path.join(root, 'test-artifacts', 'jest-results.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
const { spawnSync } = require('node:child_process');
// Every stack the tests start appends its function and host log here (local/src/runLog.ts); scanned after jest.
const logFile = process.env.EER_LOG_FILE || path.join(root, 'test-artifacts', 'logs', `jest-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
const jest = spawnSync('npx', ['jest', '--ci', '--json', `--outputFile=${report}`, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: '1', EER_LOG_FILE: logFile },
});
let passed = 0;
let failed = 0;
if (fs.existsSync(report)) {
  const results = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests + (results.numRuntimeErrorTestSuites ?? 0);
}
// Log hygiene: no patient's name, SNILS, ЕНП, passport or phone in any log line of the run (tests/reliability/scanLogs.ts).
let logsClean = true;
if (fs.existsSync(logFile)) {
  console.log(`\n• log hygiene: ${path.relative(root, logFile)}`);
  logsClean = spawnSync(process.execPath, [path.join(root, 'tests', 'dist', 'reliability', 'scanLogs.js'), logFile], { cwd: root, stdio: 'inherit' }).status === 0;
}
const ok = jest.status === 0 && failed === 0 && passed > 0 && logsClean;
console.log(`\njest: ${passed} passed, ${failed} failed${logsClean ? '' : '; log hygiene: personal data found in the logs'}`);
process.exit(ok ? 0 : 1);
