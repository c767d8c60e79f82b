/**
 * Bundles a test page script for the browser with pcf-scripts' own webpack and ts-loader (what the controls are
 * built with), so a browser test can run shared modules (auth, api, realtime) outside a control.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const CONTROLS = path.join(__dirname, '..', '..', 'controls');
const PCF_SCRIPTS = path.dirname(require.resolve('pcf-scripts/package.json', { paths: [CONTROLS] }));

interface WebpackStats {
  hasErrors(): boolean;
  toString(options: object): string;
}
interface WebpackCompiler {
  run(callback: (error: Error | null, stats?: WebpackStats) => void): void;
  close(callback: () => void): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpack = require(require.resolve('webpack', { paths: [PCF_SCRIPTS] })) as (config: object) => WebpackCompiler;

/** Bundles `entry` (JS or TS) into `outFile`; answers its size in bytes and gzip bytes. */
export function bundleScript(entry: string, outFile: string, options: { mode?: 'production' | 'development' } = {}): Promise<{ bytes: number; gzip: number }> {
  const compiler = webpack({
    mode: options.mode ?? 'production',
    target: ['web', 'es2020'],
    entry,
    output: { path: path.dirname(outFile), filename: path.basename(outFile) },
    devtool: false,
    performance: { hints: false },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          loader: require.resolve('ts-loader', { paths: [PCF_SCRIPTS] }),
          options: { transpileOnly: true, configFile: path.join(CONTROLS, 'tsconfig.json'), compilerOptions: { module: 'es2020', target: 'es2020' } },
        },
      ],
    },
  });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'webpack failed'));
      const bytes = fs.readFileSync(outFile);
      resolve({ bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length });
    });
  });
}

/** The built redirect bridge page (`node controls/shared/auth/buildRedirectBridge.js`), built when missing. */
export function redirectBridgePage(): string {
  const file = path.join(CONTROLS, 'out', 'auth', 'redirect.html');
  if (!fs.existsSync(file)) {
    execFileSync(process.execPath, [path.join(CONTROLS, 'shared', 'auth', 'buildRedirectBridge.js')], { stdio: 'pipe' });
  }
  return fs.readFileSync(file, 'utf8');
}
