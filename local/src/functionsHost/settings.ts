import * as fs from 'node:fs';
import * as path from 'node:path';
import { functionAppDir } from './loadDefinitions';

export interface LocalSettings {
  Values: Record<string, string>;
  Host?: { LocalHttpPort?: number; CORS?: string };
}

/**
 * Reads local.settings.json as Core Tools does, falling back to the committed template (the embedded local
 * defaults). Values already in the environment win, so tests and `npm start` can point at their own services.
 */
export function applyLocalSettings(appDir = functionAppDir()): LocalSettings {
  const real = path.join(appDir, 'local.settings.json');
  const file = fs.existsSync(real) ? real : path.join(appDir, 'local.settings.template.json');
  const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as LocalSettings;
  for (const [key, value] of Object.entries(settings.Values ?? {})) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
  return settings;
}

export function routePrefix(appDir = functionAppDir()): string {
  const host = JSON.parse(fs.readFileSync(path.join(appDir, 'host.json'), 'utf8')) as { extensions?: { http?: { routePrefix?: string } } };
  return host.extensions?.http?.routePrefix ?? 'api';
}
