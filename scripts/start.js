#!/usr/bin/env node
// `npm start`: the product on its embedded local defaults. Installs and builds what is missing, then starts
// each local service as a child process and stops them all on Ctrl+C.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { root, run, ensureDependencies } = require('./ensure');

ensureDependencies();
console.log('• building the contract and the function app (tsc -b)…');
run('npx', ['tsc', '-b']);

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
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
console.log('• EER 122 is starting; press Ctrl+C to stop.');
