/**
 * One end-to-end session: the whole local 122 line in this process (startStack: identity, sandbox MIS, sinks,
 * SignalR, Azurite, the function app), the operator desk hosting the built control bundles, and headless Chromium
 * signed in as an operator. Calls come in through the signed telephony webhook, as the call simulator posts them.
 * Helpers wait on conditions only (never fixed sleeps), with generous limits for a loaded 2-core machine.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { startDesk, startStack, telephonySignature as signature, type Desk, type Stack } from '@eer/local';
import { launchChromium, type Browser } from '../browser/chromium';

const ROOT = path.join(__dirname, '..', '..');
export const SCREENSHOTS = path.join(ROOT, 'test-artifacts', 'screenshots', 'e2e');
/** Waits for the UI: long enough for a loaded 2-core machine, short enough to fail a broken flow quickly. */
export const UI_TIMEOUT_MS = 45_000;

export interface DeskSessionOptions {
  /** Query settings of the desk page: lang, theme, fls, user. */
  query?: Record<string, string>;
  misPatients?: number;
}

export interface PlacedCall {
  telephonyCallId: string;
  /** Date.now() just before the webhook POST. */
  postedAt: number;
}

/** What axe found at the serious and critical levels. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export class DeskSession {
  private constructor(
    readonly stack: Stack,
    readonly desk: Desk,
    readonly browser: Browser,
    public page: Page,
    readonly errors: string[],
  ) {}

  private static watch(page: Page, errors: string[]): void {
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/^Failed to load resource/.test(message.text())) errors.push(`console: ${message.text()}`);
    });
  }

  /**
   * Replaces the page by a new one (the operator reloads the desk); `fixedTime` moves the page's clock to that instant
   * (time flows on from there) — for steps that depend on the time of day, with EER_NOW set alike; the next page
   * without it gets the real time back.
   */
  async newPage(options: { fixedTime?: Date; query?: Record<string, string>; hash?: string } = {}): Promise<void> {
    await this.page.close();
    this.page = await this.browser.context.newPage();
    DeskSession.watch(this.page, this.errors);
    // Playwright's clock belongs to the browser context, not the page: once moved it stays for every later page.
    // So it is installed once and moved — to the wanted instant, or back to now — and time flows from there.
    if (options.fixedTime || this.clockMoved) {
      const at = options.fixedTime ?? new Date();
      if (this.clockInstalled) await this.page.clock.setSystemTime(at);
      else await this.page.clock.install({ time: at });
      this.clockInstalled = true;
      this.clockMoved = options.fixedTime !== undefined;
    }
    await this.open(options.hash ?? '', options.query);
  }

  private clockInstalled = false;
  private clockMoved = false;

  static async start(options: DeskSessionOptions = {}): Promise<DeskSession> {
    // npm start's setting: call state in Azure Table Storage (the stack's Azurite).
    process.env.TELEPHONY_STATE_STORE ??= 'table';
    const stack = await startStack({ misPatients: options.misPatients ?? 400 });
    let desk: Desk | undefined;
    let browser: Browser | undefined;
    try {
      desk = await startDesk({ stack });
      // The development identity's https certificate is self-signed: the browser is told to accept it.
      browser = await launchChromium({ ignoreHTTPSErrors: true, viewport: { width: 1366, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
      const page = await browser.context.newPage();
      const errors: string[] = [];
      DeskSession.watch(page, errors);
      const session = new DeskSession(stack, desk, browser, page, errors);
      await session.open('', options.query);
      return session;
    } catch (error) {
      await browser?.close();
      await desk?.close();
      await stack.close();
      throw error;
    }
  }

  /** Opens the desk on a route (`#/form/…`, default the start window) and waits until it is shown. */
  async open(hash = '', query: Record<string, string> = {}): Promise<void> {
    const search = new URLSearchParams(query).toString();
    await this.page.goto(`${this.desk.url}/${search ? `?${search}` : ''}${hash}`);
    await this.waitShown();
  }

  /** The cell of a control on the shown form. */
  control(name: string): Locator {
    return this.page.locator(`[data-control="${name}"]`);
  }

  /** Shows a tab of the form by its label. */
  async tab(label: string): Promise<void> {
    await this.page.getByRole('tab', { name: label, exact: true }).click();
    await this.page.locator('[role="tab"][aria-selected="true"]', { hasText: label }).waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** Posts a signed telephony event to the function app's webhook, as the call simulator does. */
  async postEvent(event: Record<string, unknown>): Promise<void> {
    const body = JSON.stringify(event);
    const timestamp = Math.floor(Date.now() / 1000);
    const secret = process.env.TELEPHONY_WEBHOOK_SECRET!;
    const res = await fetch(`${this.stack.functionsUrl}/telephony/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-eer-timestamp': String(timestamp), 'x-eer-signature': signature(secret, timestamp, body) },
      body,
    });
    if (res.status !== 200) throw new Error(`telephony webhook answered ${res.status}: ${await res.text()}`);
  }

  /** A caller dials 122 and picks `digit`; the call is offered to the group of available operators. */
  async placeCall(digit: number, from: string | null): Promise<PlacedCall> {
    const telephonyCallId = `e2e-${randomUUID()}`;
    const postedAt = Date.now();
    await this.postEvent({
      type: 'offered',
      eventId: randomUUID(),
      telephonyCallId,
      occurredAt: new Date().toISOString(),
      callerNumber: from,
      line: '122',
      ivrDigit: digit,
    });
    return { telephonyCallId, postedAt };
  }

  /** The caller hangs up (after the operator said goodbye): the operator is available for the next call. */
  async hangUp(call: PlacedCall, digit: number): Promise<void> {
    await this.postEvent({
      type: 'ended',
      eventId: randomUUID(),
      telephonyCallId: call.telephonyCallId,
      occurredAt: new Date().toISOString(),
      callerNumber: null,
      line: '122',
      ivrDigit: digit,
      operatorId: this.desk.users[0]!.operatorId,
      reason: 'caller_hung_up',
    });
  }

  /** Resolves with Date.now() (page clock = this machine's) when the incoming call's «Ответить» appears. */
  async watchForPopup(): Promise<() => Promise<number>> {
    // Page-side code as strings: the tests' typecheck has no DOM library.
    await this.page.evaluate(`(() => {
      window.__popupAt = undefined;
      const seen = () => [...document.querySelectorAll('[data-control="CallPanel"] button')].some((b) => /^(Ответить|Answer)/.test(b.textContent || ''));
      const observer = new MutationObserver(() => {
        if (window.__popupAt === undefined && seen()) { window.__popupAt = Date.now(); observer.disconnect(); }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    })()`);
    return async () => {
      await this.page.waitForFunction('window.__popupAt !== undefined', null, { timeout: UI_TIMEOUT_MS });
      return (await this.page.evaluate('window.__popupAt')) as number;
    };
  }

  /** Answers the shown call and waits for the call form (its record id in the address). */
  async answer(): Promise<string> {
    await this.control('CallPanel').getByRole('button', { name: /^Ответить|^Answer/ }).click();
    await this.page.waitForFunction('/^#\\/form\\/eer_call\\/[\\w-]+\\/[\\w-]+$/.test(location.hash)', null, { timeout: UI_TIMEOUT_MS });
    await this.waitShown();
    return ((await this.page.evaluate('location.hash')) as string).split('/').pop()!;
  }

  async waitShown(): Promise<void> {
    await this.page.waitForFunction("window.eerDesk && ['ready', 'failed'].includes(window.eerDesk.state)", null, { timeout: UI_TIMEOUT_MS });
  }

  /** «Завершить», the call type, an optional comment, «Завершить обращение»; back on the start window. */
  async complete(callTypeName: string, comment?: string): Promise<void> {
    await this.tab('Звонок');
    const panel = this.control('CallPanel');
    await panel.getByRole('button', { name: /^Завершить$/ }).click();
    const type = panel.getByRole('combobox', { name: /Тип обращения/ });
    await type.click();
    await this.page.getByRole('option', { name: callTypeName, exact: true }).click();
    if (comment) await panel.getByLabel('Комментарий').fill(comment);
    await panel.getByRole('button', { name: /^Завершить обращение/ }).click();
    await this.page.waitForFunction('/^#\\/form\\/eer_call\\/[\\w-]+$/.test(location.hash)', null, { timeout: UI_TIMEOUT_MS });
    await this.waitShown();
  }

  /** The call record in the desk's store (what Dataverse would hold). */
  callRecord(telephonyCallId: string): Record<string, unknown> | undefined {
    return this.desk.store.all('eer_call').find((r) => r.eer_telephonycallid === telephonyCallId);
  }

  /** A FHIR search on the sandbox MIS over HTTP. */
  async fhir(query: string): Promise<{ entry?: Array<{ resource: Record<string, unknown> }> }> {
    const res = await fetch(`${this.stack.mis.baseUrl}/${query}`, { headers: { accept: 'application/fhir+json' } });
    if (!res.ok) throw new Error(`MIS ${query} answered ${res.status}`);
    return (await res.json()) as { entry?: Array<{ resource: Record<string, unknown> }> };
  }

  /** Saves a full-page screenshot as test-artifacts/screenshots/e2e/<name>.png. */
  async shot(name: string): Promise<void> {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: path.join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`), fullPage: true });
  }

  /** Runs a step; when it fails, a screenshot `failed-<name>` is kept beside the others, then the error goes on. */
  async step<T>(name: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      await this.shot(`failed-${name}`).catch(() => undefined);
      throw error;
    }
  }

  /** Runs axe-core on the page; answers the serious and critical violations. */
  async axe(): Promise<AxeFinding[]> {
    // A closing Fluent dialog keeps the page behind it aria-hidden for its exit animation: check once it is gone (one
    // that stays is a finding, reported by axe as aria-hidden-focus).
    await this.page
      .waitForFunction("!document.querySelector('body > [aria-hidden=\"true\"]:not([data-tabster-dummy])')", null, { timeout: 10_000 })
      .catch(() => undefined);
    // An opening dialog fades in: axe would measure the contrast of half-transparent text. Wait for running (finite) animations.
    await this.page
      .evaluate("Promise.race([Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 5000))])")
      .catch(() => undefined);
    if (!(await this.page.evaluate("typeof window.axe !== 'undefined'"))) await this.page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    // Fluent's focus manager (tabster) puts aria-hidden focus sentinels (<i data-tabster-dummy>) around focus groups;
    // they hand focus on at once and are never read out, so they are left out of the check.
    const results = (await this.page.evaluate("axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] })")) as { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> };
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.desk.close();
    await this.stack.close();
  }
}
