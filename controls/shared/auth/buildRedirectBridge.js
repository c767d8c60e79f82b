#!/usr/bin/env node
// Builds MSAL's redirect bridge into one self-contained page: controls/out/auth/redirect.html (inline script, no
// other files), for the solution's web resource eer_/auth/redirect.html and the operator desk. Prints its size.
// Uses pcf-scripts' own webpack, the same bundler as the controls.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const pcfScripts = path.dirname(require.resolve('pcf-scripts/package.json', { paths: [path.join(__dirname, '..', '..')] }));
const webpack = require(require.resolve('webpack', { paths: [pcfScripts] }));

const outDir = path.join(__dirname, '..', '..', 'out', 'auth');

function build() {
  return new Promise((resolve, reject) => {
    const compiler = webpack({
      mode: 'production',
      target: ['web', 'es2020'],
      entry: path.join(__dirname, 'redirectBridge.entry.js'),
      output: { path: outDir, filename: 'redirect-bridge.js' },
      devtool: false,
      performance: { hints: false },
    });
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

build()
  .then(() => {
    const script = fs.readFileSync(path.join(outDir, 'redirect-bridge.js'), 'utf8').replace(/<\/script/gi, '<\\/script');
    const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>Microsoft Authentication</title></head><body><script>${script}</script></body></html>\n`;
    const file = path.join(outDir, 'redirect.html');
    fs.writeFileSync(file, html);
    fs.rmSync(path.join(outDir, 'redirect-bridge.js'));
    console.log(`redirect bridge: ${path.relative(process.cwd(), file)} ${Buffer.byteLength(html)} B, gzip ${zlib.gzipSync(html, { level: 9 }).length} B`);
  })
  .catch((error) => {
    console.error(`redirect bridge build failed: ${error.message}`);
    process.exit(1);
  });
