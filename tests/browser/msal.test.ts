/**
 * The controls' real sign-in path in a real browser: @azure/msal-browser 5 (bundled by webpack as in a control)
 * against the development issuer, its token accepted by the local function app. Proves that what the desk and
 * Dynamics run is the same code: silent sign-in with the Dynamics user's UPN, the cache, one sign-in for many
 * callers, and the popup as the last resort.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeJwt } from 'jose';
import type { Page, Request } from 'playwright-core';
import { startStack, type Stack } from '@eer/local';
import { launchChromium, screenshotPath, type Browser } from './chromium';
import { bundleScript, redirectBridgePage } from './bundle';
import { startStaticServer, type StaticServer } from './staticServer';

const REDIRECT_PATH = '/WebResources/eer_/auth/redirect.html';
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>platform test page</title></head>
<body><button id="sign-in-button">Войти</button><script src="/platform.js"></script>
<script>
  document.getElementById('sign-in-button').onclick = () => {
    window.result = eer.msalTokenSource(window.settings).getToken().then((token) => ({ token }), (e) => ({ error: String((e && e.errorCode) || e) }));
  };
</script></body></html>`;

interface Settings {
  clientId: string;
  authority: string;
  scopes: string[];
  loginHint?: string;
}

declare const eer: {
  msalTokenSource(settings: Settings): { getToken(): Promise<string>; account(): string | null };
  entraTokens(platform: object): (settings: object) => { getToken(): Promise<string> } | null;
  createApiClient(options: object): unknown;
  callApi(client: unknown, name: string, request?: object): Promise<unknown>;
  realtimeConnection(options: object): {
    state: { status: string; epoch: number };
    subscribe(handlers: object): () => void;
    retain(): void;
    release(): void;
  };
};

describe('MSAL and the push channel in headless Chromium against the local stack', () => {
  let stack: Stack;
  let site: StaticServer;
  let settings: Settings;
  const browsers: Browser[] = [];

  beforeAll(async () => {
    stack = await startStack();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eer-platform-page-'));
    const script = path.join(dir, 'platform.js');
    await bundleScript(path.join(__dirname, 'fixtures', 'platformPage.entry.js'), script);
    site = await startStaticServer({
      '/': { body: PAGE, type: 'text/html; charset=utf-8' },
      '/platform.js': { body: fs.readFileSync(script), type: 'text/javascript' },
      [REDIRECT_PATH]: { body: redirectBridgePage(), type: 'text/html; charset=utf-8' },
    });
    fs.rmSync(dir, { recursive: true, force: true });
    settings = { clientId: stack.identity.clientId, authority: stack.identity.authority, scopes: [stack.identity.scope] };
  }, 180_000);
  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await site?.close();
    await stack?.close();
  }, 60_000);

  /** A fresh browser profile (no cached sign-in) that trusts nothing but ignores the dev issuer's self-signed cert. */
  async function freshPage(): Promise<{ page: Page; authorizeRequests: Request[] }> {
    const browser = await launchChromium({ ignoreHTTPSErrors: true });
    browsers.push(browser);
    const authorizeRequests: Request[] = [];
    browser.context.on('request', (request) => {
      // GETs only: the sign-in page posts its form back to the same endpoint.
      if (request.method() === 'GET' && request.url().includes('/oauth2/v2.0/authorize')) authorizeRequests.push(request);
    });
    const page = await browser.context.newPage();
    await page.goto(site.url);
    return { page, authorizeRequests };
  }

  it('signs in silently with the Dynamics user UPN, and the function app accepts the token', async () => {
    const { page, authorizeRequests } = await freshPage();
    const hinted = { ...settings, loginHint: 'operator1@eer122.local' };
    // As a control does: the environment settings and context.webAPI, the UPN read from systemuser.domainname.
    const { token, upnQuery } = await page.evaluate(async (s) => {
      let query: unknown[] = [];
      const webAPI = {
        retrieveRecord: (...args: unknown[]) => {
          query = args;
          return Promise.resolve({ domainname: 'operator1@eer122.local' });
        },
      };
      const environment = { authClientId: s.clientId, authAuthority: s.authority, functionsScope: s.scopes[0] };
      const tokens = eer.entraTokens({ webAPI, userSettings: { userId: '{6F1C0D2E-0000-4000-8000-000000000001}' } })(environment)!;
      return { token: await tokens.getToken(), upnQuery: query };
    }, settings);
    expect(upnQuery).toEqual(['systemuser', '6f1c0d2e-0000-4000-8000-000000000001', '?$select=domainname']);
    expect(decodeJwt(token)).toMatchObject({ oid: 'op-1', aud: stack.identity.audience, iss: stack.identity.issuer, scp: 'access_as_user' });
    expect(authorizeRequests).toHaveLength(1);
    expect(new URL(authorizeRequests[0]!.url()).searchParams.get('prompt')).toBe('none');

    // The next call comes from MSAL's cache: no new sign-in.
    await expect(page.evaluate((s) => eer.msalTokenSource(s).getToken(), hinted)).resolves.toBe(token);
    expect(authorizeRequests).toHaveLength(1);

    // From the page, through the controls' API client: a bad SNILS gets the 400 naming the field, not a 401.
    const answer = await page.evaluate(
      async ({ s, baseUrl }) => {
        const client = eer.createApiClient({ baseUrl, tokens: eer.msalTokenSource(s), lcid: 1049 });
        try {
          await eer.callApi(client, 'searchPatients', { body: { snils: '112-233-445 00' } });
          return 'accepted';
        } catch (e) {
          const error = e as { code: string; status: number; field?: string };
          return { code: error.code, status: error.status, field: error.field };
        }
      },
      { s: hinted, baseUrl: stack.functionsUrl },
    );
    expect(answer).toEqual({ code: 'validation_failed', status: 400, field: 'snils' });

    // The push channel in the browser: negotiate with the MSAL token, WebSocket to the SignalR stand-in.
    await page.evaluate(
      ({ s, baseUrl }) => {
        const connection = eer.realtimeConnection({ baseUrl, tokens: eer.msalTokenSource(s) });
        const seen: string[] = [];
        connection.subscribe({ announcement: (a: { title: string }) => seen.push(a.title) });
        connection.retain();
        Object.assign(globalThis, { connection, seen });
      },
      { s: hinted, baseUrl: stack.functionsUrl },
    );
    await page.waitForFunction(() => (globalThis as unknown as { connection: { state: { status: string } } }).connection.state.status === 'connected', undefined, { timeout: 30_000 });
    expect(stack.signalr.connectionCount('op-1')).toBe(1);
    const supervisor = await stack.identity.issueToken({ operatorId: 'sup-browser', roles: ['EER.Operator', 'EER.Supervisor'] });
    const published = await fetch(`${stack.functionsUrl}/announcements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${supervisor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Проверка связи', text: 'Объявление для всех операторов', severity: 'info' }),
    });
    expect(published.status).toBe(201);
    await page.waitForFunction(() => (globalThis as unknown as { seen: string[] }).seen.includes('Проверка связи'), undefined, { timeout: 15_000 });
  }, 90_000);

  it('gives seven callers on one page one sign-in and one MSAL instance', async () => {
    const { page, authorizeRequests } = await freshPage();
    const hinted = { ...settings, loginHint: 'operator2@eer122.local' };
    const result = await page.evaluate(async (s) => {
      const tokens = await Promise.all(Array.from({ length: 7 }, () => eer.msalTokenSource(s).getToken()));
      const shared = (globalThis as unknown as { __eer122Shared: Record<string, unknown> }).__eer122Shared;
      return { distinct: new Set(tokens).size, instances: Object.keys(shared).filter((k) => k.startsWith('msal:')).length };
    }, hinted);
    expect(result).toEqual({ distinct: 1, instances: 1 });
    expect(authorizeRequests).toHaveLength(1);
  }, 90_000);

  it('falls back to the popup when there is no session, and the operator picks who signs in', async () => {
    const { page, authorizeRequests } = await freshPage();
    await page.evaluate((s) => {
      (globalThis as unknown as { settings: Settings }).settings = s;
    }, settings);
    const popupOpened = page.waitForEvent('popup', { timeout: 30_000 });
    await page.click('#sign-in-button');
    const popup = await popupOpened;
    await popup.waitForSelector('#sign-in', { timeout: 30_000 });
    await popup.check('input[value="supervisor-1"]');
    await popup.screenshot({ path: screenshotPath('dev-identity-sign-in') });
    await popup.click('#sign-in');
    await page.waitForFunction(() => (globalThis as unknown as { result?: unknown }).result !== undefined);
    const result = (await page.evaluate(() => (globalThis as unknown as { result: Promise<unknown> }).result)) as { token?: string; error?: string };
    expect(result.error).toBeUndefined();
    expect(decodeJwt(result.token!)).toMatchObject({ oid: 'supervisor-1', roles: ['EER.Operator', 'EER.Supervisor'] });
    // The silent try first (login_required), then the interactive one.
    expect(authorizeRequests.map((r) => new URL(r.url()).searchParams.get('prompt'))).toEqual(['none', null]);
    await expect(page.evaluate((s) => eer.msalTokenSource(s).account(), settings)).resolves.toBe('supervisor@eer122.local');
  }, 90_000);
});
