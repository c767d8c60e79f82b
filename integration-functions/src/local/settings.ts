import * as fs from 'node:fs';
import * as path from 'node:path';

export interface LocalSettings {
  Values: Record<string, string>;
  Host?: { LocalHttpPort?: number; CORS?: string };
}

/** The function app folder (the one holding host.json), from src/ under ts-jest or dist/src/ when compiled. */
export function findAppDir(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'host.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('host.json not found above ' + from);
    dir = parent;
  }
  return dir;
}

/**
 * Reads local.settings.json as Core Tools does, falling back to the committed template (the embedded local
 * defaults). Values already in the environment win, so tests and `npm start` can point at their own services.
 */
export function applyLocalSettings(appDir = findAppDir()): LocalSettings {
  const real = path.join(appDir, 'local.settings.json');
  const template = path.join(appDir, 'local.settings.template.json');
  const file = fs.existsSync(real) ? real : template;
  const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as LocalSettings;
  for (const [key, value] of Object.entries(settings.Values ?? {})) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
  return settings;
}

export function routePrefix(appDir = findAppDir()): string {
  const host = JSON.parse(fs.readFileSync(path.join(appDir, 'host.json'), 'utf8')) as { extensions?: { http?: { routePrefix?: string } } };
  return host.extensions?.http?.routePrefix ?? 'api';
}
