/**
 * Runs a control's production bundle in Microsoft's PCF test harness (`pcf-start`) and drives it from playwright:
 * set the harness's data inputs, read what the control rendered, keep a screenshot. The harness loads React from
 * a CDN; with no network here those requests are answered from node_modules (`routePlatformLibraries`).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { spawnUntil, type Spawned } from '../support/processes';
import { screenshotPath } from './chromium';

const ROOT = path.join(__dirname, '..', '..');
const CONTROLS = path.join(ROOT, 'controls');

export interface Harness {
  /** The harness page, e.g. `http://localhost:8181` (browser-sync takes the next free port when 8181 is busy). */
  url: string;
  control: string;
  stop(): Promise<void>;
}

/** The control's production output folder, built with `controls/build.js <Name>` when it has no bundle yet. */
export function controlOutput(control: string, options: { rebuild?: boolean } = {}): string {
  const outDir = path.join(CONTROLS, 'out', control);
  if (options.rebuild || !fs.existsSync(path.join(outDir, 'bundle.js'))) {
    execFileSync(process.execPath, [path.join(CONTROLS, 'build.js'), control], { cwd: ROOT, stdio: 'pipe', timeout: 10 * 60_000 });
  }
  return outDir;
}

/** Starts `pcf-start` (the controls workspace's copy) on the control's production build. */
export async function startHarness(control: string, options: { rebuild?: boolean } = {}): Promise<Harness> {
  const outDir = controlOutput(control, options);
  const bin = require.resolve('pcf-start/bin/pcf-start.js', { paths: [CONTROLS] });
  const spawned: Spawned = await spawnUntil(process.execPath, [bin, '--codePath', outDir], {
    cwd: outDir,
    env: { PP_TOOLS_TELEMETRY_OPTOUT: '1', BROWSER: 'none' },
    ready: /Local:\s+(http:\/\/\S+)/,
    timeoutMs: 60_000,
  });
  const url = /Local:\s+(http:\/\/\S+)/.exec(spawned.output())![1]!;
  return { url, control, stop: () => spawned.stop() };
}

const CDN_FILES: Array<[RegExp, string]> = [
  [/\/react@16\.14\.0\/umd\/react\.development\.js$/, 'react/umd/react.development.js'],
  [/\/react@16\.14\.0\/umd\/react\.production\.min\.js$/, 'react/umd/react.production.min.js'],
  [/\/react-dom@16\.14\.0\/umd\/react-dom\.development\.js$/, 'react-dom/umd/react-dom.development.js'],
  [/\/react-dom@16\.14\.0\/umd\/react-dom\.production\.min\.js$/, 'react-dom/umd/react-dom.production.min.js'],
];

/**
 * Answers the harness's CDN requests (React 16.14 UMD) from node_modules and every other off-machine request with
 * 404 (web fonts fall back to local ones). Answers the list of URLs it refused, to assert on if wanted.
 */
export async function routePlatformLibraries(page: Page): Promise<string[]> {
  const refused: string[] = [];
  await page.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, async (route) => {
    const url = route.request().url();
    const local = CDN_FILES.find(([pattern]) => pattern.test(url));
    if (local) {
      await route.fulfill({ path: require.resolve(local[1], { paths: [CONTROLS] }), contentType: 'text/javascript' });
    } else {
      refused.push(url);
      await route.fulfill({ status: 404, body: '' });
    }
  });
  return refused;
}

/**
 * The harness loads every resx of the manifest into one table, the last one winning (English, listed after
 * Russian), and always reports languageId 1033. To see the control in one language, every resx request is answered
 * with that language's file. `context.userSettings.languageId` stays 1033 in the harness.
 */
async function routeStrings(page: Page, harness: Harness, lcid: number): Promise<void> {
  const stringsDir = path.join(CONTROLS, 'out', harness.control, 'strings');
  await page.route(/\/strings\/[^/?]+\.\d{4}\.resx(\?.*)?$/, async (route) => {
    const requested = /\/strings\/([^/?]+)\.\d{4}\.resx/.exec(route.request().url())![1]!;
    const file = path.join(stringsDir, `${requested}.${lcid}.resx`);
    if (fs.existsSync(file)) await route.fulfill({ path: file, contentType: 'text/xml; charset=utf-8' });
    else await route.continue();
  });
}

export interface HarnessPage {
  page: Page;
  /** The control's own DOM (the harness's `TestControl` container). */
  control: Locator;
  /** Types a value into the harness's Data Inputs field of a manifest property (the control gets updateView). */
  setProperty(name: string, value: string | number): Promise<void>;
  /** Sets the harness's container width/height (allocatedWidth/allocatedHeight). */
  setSize(width: number, height?: number): Promise<void>;
  /** Saves a screenshot to test-artifacts/screenshots/<name>.png (the whole harness, or only the control); answers the path. */
  screenshot(name: string, options?: { controlOnly?: boolean }): Promise<string>;
  /** Uncaught page errors and console errors seen so far (not React's development warnings). */
  errors: string[];
}

/** Opens the harness in a new page of `context`, waits for the control to render, and applies `properties`. */
export async function openControl(
  context: BrowserContext,
  harness: Harness,
  options: { properties?: Record<string, string | number>; width?: number; height?: number; lcid?: 1049 | 1033 } = {},
): Promise<HarnessPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Refused fonts are expected (no CDN here); React development warnings come from the harness's own UI too
    // (its size inputs start empty), so they are not counted as the control's errors.
    if (message.type() === 'error' && !/^Failed to load resource|^Warning: /.test(message.text())) errors.push(message.text());
  });
  await routePlatformLibraries(page);
  await routeStrings(page, harness, options.lcid ?? 1049);
  await page.goto(harness.url, { waitUntil: 'load' });
  const control = page.locator('#TestControl-pcf-container-id');
  await control.locator('*').first().waitFor({ state: 'attached', timeout: 30_000 });

  const input = (label: string) =>
    page
      .locator('.io-item')
      .filter({ has: page.locator('.key-value-pair-value > span', { hasText: new RegExp(`^${label}$`) }) })
      .locator('input, select')
      .first();
  const setProperty = async (name: string, value: string | number) => {
    const field = input(name);
    await field.fill(String(value));
    // The harness applies a value on change/blur.
    await field.press('Tab');
  };
  const setSize = async (width: number, height?: number) => {
    // The first panel is "Context Inputs": form factor, then container width and height.
    const sizeInputs = page.locator('.accordion__panel').first().locator('input');
    await sizeInputs.nth(0).fill(String(width));
    await sizeInputs.nth(0).press('Tab');
    if (height !== undefined) {
      await sizeInputs.nth(1).fill(String(height));
      await sizeInputs.nth(1).press('Tab');
    }
  };

  if (options.width !== undefined) await setSize(options.width, options.height);
  for (const [name, value] of Object.entries(options.properties ?? {})) await setProperty(name, value);

  return {
    page,
    control,
    setProperty,
    setSize,
    errors,
    screenshot: async (name, screenshotOptions = {}) => {
      const file = screenshotPath(name);
      if (screenshotOptions.controlOnly) await control.screenshot({ path: file });
      else await page.screenshot({ path: file, fullPage: true });
      return file;
    },
  };
}
