#!/usr/bin/env node
// Builds every control from its own folder (so generated ManifestTypes never leak between controls),
// fails on pcf-scripts' "[build] Failed" (it exits 0 on failure), and prints each production bundle size.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const args = process.argv.slice(2);
const rootFlag = args.indexOf('--root');
// --root lets a test build a deliberately broken copy; normally the controls folder itself.
const root = rootFlag >= 0 ? path.resolve(args[rootFlag + 1]) : __dirname;
const mode = args.includes('--development') ? 'development' : 'production';
const only = args.filter((a, i) => !a.startsWith('--') && !(rootFlag >= 0 && i === rootFlag + 1));
const controls = fs
  .readdirSync(root)
  .filter((name) => fs.existsSync(path.join(root, name, 'ControlManifest.Input.xml')))
  .filter((name) => only.length === 0 || only.includes(name));

const pcfScripts = require.resolve('pcf-scripts/bin/pcf-scripts.js', { paths: [__dirname] });
const sizes = [];
for (const name of controls) {
  const dir = path.join(root, name);
  const outDir = path.join(root, 'out', name);
  const result = spawnSync(process.execPath, [pcfScripts, 'build', '--buildMode', mode, '--outDir', outDir], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: '1' },
  });
  const log = `${result.stdout}${result.stderr}`;
  const failed = result.status !== 0 || /\[build\] Failed|error TS\d+|ERROR in /.test(log);
  const bundle = path.join(outDir, 'bundle.js');
  if (failed || !fs.existsSync(bundle)) {
    process.stderr.write(log);
    process.stderr.write(`\ncontrol build failed: ${name}\n`);
    process.exit(1);
  }
  const bytes = fs.readFileSync(bundle);
  sizes.push({ control: name, mode, bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length });
}
console.log('control bundle sizes:');
console.table(sizes);
