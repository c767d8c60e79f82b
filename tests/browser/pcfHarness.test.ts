/**
 * The browser infrastructure proven on a real control: CallPanel's production bundle in Microsoft's PCF harness,
 * in headless Chromium, with React served from node_modules instead of the CDN.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { launchChromium, type Browser } from './chromium';
import { openControl, startHarness, type Harness } from './pcfHarness';

function resx(control: string, lcid: number): Record<string, string> {
  const file = path.join(__dirname, '..', '..', 'controls', control, 'strings', `${control}.${lcid}.resx`);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(fs.readFileSync(file, 'utf8')) as {
    root: { data: Array<{ '@name': string; value: string }> };
  };
  return Object.fromEntries(parsed.root.data.map((d) => [d['@name'], String(d.value)]));
}

describe('PCF harness in headless Chromium (CallPanel)', () => {
  let harness: Harness;
  let browser: Browser;
  beforeAll(async () => {
    harness = await startHarness('CallPanel');
    browser = await launchChromium({ locale: 'ru-RU' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  }, 60_000);

  it('loads the production bundle, renders the topic set in the harness in Russian, and keeps a screenshot', async () => {
    const ru = resx('CallPanel', 1049);
    const view = await openControl(browser.context, harness, { properties: { topic: 4 }, width: 900, lcid: 1049 });
    const shot = await view.screenshot('harness-CallPanel-topic-4');
    await view.control.getByText(ru.Topic_4!, { exact: false }).first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(fs.statSync(shot).size).toBeGreaterThan(5_000);
    expect(view.errors).toEqual([]);

    await view.setProperty('topic', 7);
    await view.control.getByText(ru.Topic_7!, { exact: false }).first().waitFor({ timeout: 10_000 });
    await view.page.close();
  }, 90_000);

  it('shows the English strings when asked for 1033', async () => {
    const en = resx('CallPanel', 1033);
    const view = await openControl(browser.context, harness, { properties: { topic: 4 }, lcid: 1033 });
    await view.control.getByText(en.Topic_4!, { exact: false }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await view.screenshot('harness-CallPanel-topic-4-en', { controlOnly: true });
    await view.page.close();
  }, 60_000);
});
