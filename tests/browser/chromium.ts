/**
 * Headless Chromium for browser tests: Debian's `chromium` package driven by playwright-core (playwright's own
 * browser download cannot work here). Every launch gets a fresh profile directory, removed on close.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags checked on these machines: no sandbox as root, no GPU, no QUIC, nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Makes sure Debian's chromium is installed: as root it runs `apt-get update && apt-get install -y chromium`
 * (serialised with other installers by flock); otherwise it explains what to install. Answers the executable.
 */
export function ensureChromium(): string {
  if (fs.existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.getuid?.() !== 0) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium package (sudo apt-get install -y chromium)`);
  }
  execFileSync('flock', ['/tmp/apt.lock', 'sh', '-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], {
    stdio: 'inherit',
    timeout: 15 * 60_000,
  });
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing`);
  return CHROMIUM_PATH;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless browser with its own fresh `--user-data-dir` (a persistent context on a new temporary folder). */
export async function launchChromium(options: BrowserContextOptions & { args?: string[] } = {}): Promise<Browser> {
  const executablePath = ensureChromium();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eer-chromium-'));
  const { args = [], ...contextOptions } = options;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    viewport: { width: 1280, height: 800 },
    ...contextOptions,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Where screenshots go: `test-artifacts/screenshots/<name>.png` at the repository root (kept by CI, ignored by git). */
export function screenshotPath(name: string): string {
  const dir = path.join(__dirname, '..', '..', 'test-artifacts', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
}
