import * as fs from 'node:fs';
import * as path from 'node:path';
import { isHttpFunctionDefinition, type HttpFunctionDefinition } from '../http/defineHttp';

/** The functions folder beside this one: compiled .js at run time, .ts under ts-jest. */
export const FUNCTIONS_DIR = path.join(__dirname, '..', 'functions');

/** Loads every function file, as the Functions host does from package.json `main`, and collects its definitions. */
export function loadDefinitions(dir = FUNCTIONS_DIR): HttpFunctionDefinition[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(js|ts)$/.test(f) && !/\.(test|d)\.(js|ts)$/.test(f) && !f.endsWith('.map'))
    .sort();
  const definitions: HttpFunctionDefinition[] = [];
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, file)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (isHttpFunctionDefinition(value)) definitions.push(value);
    }
  }
  return definitions;
}
