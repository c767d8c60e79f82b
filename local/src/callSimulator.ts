/**
 * Places 122 calls as the telephony platform would: signed call events posted to the function app's webhook.
 *
 *   npm run call -- --digit 3 --from +79161234567 [--operator op-1] [--event offered|answered|ended|abandoned|full]
 *
 * Defaults come from the function app's local settings (local.settings.json, else the committed template): the
 * webhook at http://127.0.0.1:<LocalHttpPort>/<routePrefix>/telephony/events and TELEPHONY_WEBHOOK_SECRET.
 */
import { createHmac, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { functionAppDir } from './functionsHost/loadDefinitions';
import { routePrefix, type LocalSettings } from './functionsHost/settings';

const EVENTS = ['offered', 'answered', 'ended', 'abandoned', 'full'] as const;
type EventKind = (typeof EVENTS)[number];

const USAGE = `Usage: npm run call -- [options]
  --digit <1-8>          IVR topic the caller chose (default 3, doctor's appointment)
  --from <number>        caller number, e.g. +79161234567 (default: withheld)
  --operator <id>        operator the platform's distributor chose (default: none, offered to the group)
  --event <kind>         offered | answered | ended | abandoned | full (offered, answered, ended); default: full with
                         --operator or --answered-by, otherwise offered (the operator answers on the desk)
  --call-id <id>         telephony call id (default: a new one; give it to continue a call)
  --answered-by <id>     who answers a group call in --event full / answered (default: --operator)
  --ring-ms <ms>         wait between offered and answered in full (default 2000)
  --talk-ms <ms>         wait between answered and ended in full (default 3000)
  --reason <reason>      end reason: caller_hung_up | operator_hung_up | transferred | failed | other
  --url <url>            webhook URL (default from the local settings)
  --secret <secret>      webhook secret (default TELEPHONY_WEBHOOK_SECRET from the environment or local settings)`;

function localSettings(): LocalSettings {
  const dir = functionAppDir();
  const real = path.join(dir, 'local.settings.json');
  return JSON.parse(fs.readFileSync(fs.existsSync(real) ? real : path.join(dir, 'local.settings.template.json'), 'utf8')) as LocalSettings;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

async function post(url: string, secret: string, event: Record<string, unknown>): Promise<boolean> {
  const body = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000);
  let status: number;
  let answer: string;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-eer-timestamp': String(timestamp), 'x-eer-signature': signature(secret, timestamp, body) },
      body,
    });
    status = res.status;
    answer = await res.text();
  } catch (error) {
    process.stderr.write(`${String(event.type)} call=${String(event.telephonyCallId)}: cannot reach ${url} (${error instanceof Error ? error.message : String(error)}) — is \`npm start\` running?\n`);
    return false;
  }
  process.stdout.write(`${String(event.type).padEnd(9)} call=${String(event.telephonyCallId)} → ${status} ${answer}\n`);
  return status >= 200 && status < 300;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      digit: { type: 'string', default: '3' },
      from: { type: 'string' },
      operator: { type: 'string' },
      event: { type: 'string' },
      'call-id': { type: 'string' },
      'answered-by': { type: 'string' },
      'ring-ms': { type: 'string', default: '2000' },
      'talk-ms': { type: 'string', default: '3000' },
      reason: { type: 'string', default: 'caller_hung_up' },
      url: { type: 'string' },
      secret: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // Without an operator nobody can answer for the simulator: the call is offered and answered on the desk.
  const kind = (values.event ?? (values.operator || values['answered-by'] ? 'full' : 'offered')) as EventKind;
  if (!EVENTS.includes(kind)) fail(`--event must be one of ${EVENTS.join(', ')}`);
  const digit = Number(values.digit);
  if (!Number.isInteger(digit) || digit < 1 || digit > 8) fail('--digit must be 1..8');
  const ringMs = Number(values['ring-ms']);
  const talkMs = Number(values['talk-ms']);
  if (!(ringMs >= 0) || !(talkMs >= 0)) fail('--ring-ms and --talk-ms are milliseconds');

  const settings = localSettings();
  const url = values.url ?? `http://127.0.0.1:${process.env.FUNCTIONS_PORT ?? settings.Host?.LocalHttpPort ?? 7071}/${routePrefix()}/telephony/events`;
  const secret = values.secret ?? process.env.TELEPHONY_WEBHOOK_SECRET ?? settings.Values.TELEPHONY_WEBHOOK_SECRET;
  if (!secret) fail('no webhook secret: pass --secret or set TELEPHONY_WEBHOOK_SECRET');

  const telephonyCallId = values['call-id'] ?? `sim-${randomUUID()}`;
  const answeredBy = values['answered-by'] ?? values.operator;
  const base = () => ({
    eventId: randomUUID(),
    telephonyCallId,
    occurredAt: new Date().toISOString(),
    callerNumber: values.from && values.from !== 'withheld' ? values.from : null,
    line: '122',
    ivrDigit: digit,
  });
  const offered = () => ({ type: 'offered', ...base(), ...(values.operator ? { operatorId: values.operator } : {}) });
  const answered = () => {
    if (!answeredBy) fail('answering needs an operator: --operator or --answered-by');
    return { type: 'answered', ...base(), operatorId: answeredBy };
  };
  const ended = () => ({ type: 'ended', ...base(), ...(answeredBy ? { operatorId: answeredBy } : {}), reason: values.reason });
  const abandoned = () => ({ type: 'abandoned', ...base() });

  let ok = true;
  switch (kind) {
    case 'offered':
      ok = await post(url, secret, offered());
      break;
    case 'answered':
      ok = await post(url, secret, answered());
      break;
    case 'ended':
      ok = await post(url, secret, ended());
      break;
    case 'abandoned':
      ok = await post(url, secret, abandoned());
      break;
    case 'full': {
      const answer = answered();
      ok = await post(url, secret, offered());
      if (!ok) break;
      await sleep(ringMs);
      ok = await post(url, secret, { ...answer, eventId: randomUUID(), occurredAt: new Date().toISOString() });
      if (!ok) break;
      await sleep(talkMs);
      ok = await post(url, secret, ended());
      break;
    }
  }
  process.exitCode = ok ? 0 : 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`call simulator failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
