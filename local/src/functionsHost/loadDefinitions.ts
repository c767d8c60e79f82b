import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HttpFunctionOptions } from '@azure/functions';

/** What a function file registers with `app.http` and exports (see integration-functions/src/http/defineHttp.ts). */
export interface HttpFunctionDefinition {
  name: string;
  options: HttpFunctionOptions;
}

function isDefinition(value: unknown): value is HttpFunctionDefinition {
  const v = value as HttpFunctionDefinition | undefined;
  return typeof v?.name === 'string' && typeof v.options?.handler === 'function';
}

/** The function app folder (holding host.json). */
export function functionAppDir(): string {
  return path.dirname(require.resolve('@eer/integration-functions/package.json'));
}

/** Under ts-jest this file is TypeScript, and the function files are loaded from source the same way. */
const FROM_SOURCE = __filename.endsWith('.ts');

/**
 * Loads every function file of the app, as the Functions host does from package.json `main`
 * (dist/src/functions/*.js), and collects the definitions they export.
 */
export function loadDefinitions(appDir = functionAppDir()): HttpFunctionDefinition[] {
  const dir = FROM_SOURCE ? path.join(appDir, 'src', 'functions') : path.join(appDir, 'dist', 'src', 'functions');
  const ext = FROM_SOURCE ? '.ts' : '.js';
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ext) && !f.endsWith(`.test${ext}`) && !f.endsWith('.d.ts'))
    .sort();
  const definitions: HttpFunctionDefinition[] = [];
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, file)) as Record<string, unknown>;
    for (const value of Object.values(mod)) if (isDefinition(value)) definitions.push(value);
  }
  return definitions;
}
