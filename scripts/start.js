#!/usr/bin/env node
// `npm start`: the product on its embedded local defaults. Installs and builds what is missing or stale (the
// TypeScript projects; the control bundles when their output is missing or older than their sources), then runs
// the local stack and the operator desk in one child process and stops it on Ctrl+C.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { root, run, ensureDependencies } = require('./ensure');

ensureDependencies();
console.log('• building the contract, the function app, the local services and the desk (tsc -b)…');
run('npx', ['tsc', '-b']);

/** Newest modification time under `dir` (files only), skipping build output and generated files. */
function newest(dir) {
  let latest = 0;
  if (!fs.existsSync(dir)) return latest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'out', 'generated', 'dist', '.build-test'].includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

// A control is rebuilt when its bundle is missing or older than its own sources, the shared control code or the
// contract it bundles.
const controlsDir = path.join(root, 'controls');
const common = Math.max(newest(path.join(controlsDir, 'shared')), newest(path.join(root, 'contract', 'src')));
const stale = fs
  .readdirSync(controlsDir)
  .filter((name) => fs.existsSync(path.join(controlsDir, name, 'ControlManifest.Input.xml')))
  .filter((name) => {
    const bundle = path.join(controlsDir, 'out', name, 'bundle.js');
    if (!fs.existsSync(bundle)) return true;
    return fs.statSync(bundle).mtimeMs < Math.max(common, newest(path.join(controlsDir, name)));
  });
if (stale.length > 0) {
  console.log(`• building controls (missing or older than their sources): ${stale.join(', ')}`);
  run('node', [path.join(controlsDir, 'build.js'), ...stale]);
} else {
  console.log('• controls are up to date (controls/out)');
}

const services = [
  {
    name: 'local stack',
    command: process.execPath,
    args: [path.join(root, 'local', 'dist', 'start.js')],
    env: {},
  },
];

const children = [];
for (const service of services) {
  const child = spawn(service.command, service.args, { cwd: root, env: { ...process.env, ...service.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${service.name}] `;
  const forward = (stream, out) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop();
      for (const line of lines) out.write(prefix + line + '\n');
    });
  };
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${prefix}exited (${code ?? signal}); stopping everything`);
    stop(1);
  });
  children.push(child);
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  // The stack stops Azurite and closes its servers; give it a moment before leaving.
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve() : c.once('exit', resolve))))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
console.log('• EER 122 is starting; press Ctrl+C to stop.');
