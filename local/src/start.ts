/**
 * `npm start`: the whole local 122 line on its embedded defaults, on well-known ports, until Ctrl+C — every stand-in
 * service and the function app (startStack), then the operator desk hosting the built controls (startDesk).
 * Each port can be moved with an environment variable (table below), e.g. when 7071 is taken.
 */
import { startDesk } from './desk';
import { startStack } from './stack';

/** The well-known ports and the variables that move them. */
const PORTS = {
  functions: { env: 'FUNCTIONS_PORT', port: 7071 },
  signalr: { env: 'EER_SIGNALR_PORT', port: 7072 },
  mis: { env: 'EER_MIS_PORT', port: 7073 },
  sms: { env: 'EER_SMS_PORT', port: 7074 },
  smtpApi: { env: 'EER_SMTP_API_PORT', port: 7075 },
  desk: { env: 'EER_DESK_PORT', port: 7080 },
  /** http; the https port (what browsers and MSAL use) is the next one, 7091. */
  identity: { env: 'IDENTITY_PORT', port: 7090 },
  smtp: { env: 'EER_SMTP_PORT', port: 2525 },
  /** Azurite's own default Table service port. */
  storage: { env: 'EER_STORAGE_PORT', port: 10002 },
} as const;

function port(name: keyof typeof PORTS): number {
  const { env, port: fallback } = PORTS[name];
  const value = process.env[env];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${env} must be a port number (got "${value}")`);
  return n;
}

async function main(): Promise<void> {
  // The production setting for call state (Azure Table Storage), on the stack's Azurite, unless told otherwise.
  process.env.TELEPHONY_STATE_STORE ??= 'table';
  const started = Date.now();
  const stack = await startStack({
    functionsPort: port('functions'),
    identityPort: port('identity'),
    misPort: port('mis'),
    smtpPort: port('smtp'),
    smtpApiPort: port('smtpApi'),
    smsPort: port('sms'),
    signalrPort: port('signalr'),
    storagePort: port('storage'),
  });
  let desk: Awaited<ReturnType<typeof startDesk>>;
  try {
    desk = await startDesk({ stack, port: port('desk') });
  } catch (error) {
    await stack.close();
    throw error;
  }

  const services = [
    ...stack.services,
    { name: 'operator desk (open in a browser)', url: `${desk.url}/`, note: `controls: ${[...desk.controls.keys()].join(', ') || 'none built'}` },
    { name: 'inbox (SMS and e-mails sent)', url: desk.inboxUrl, note: undefined },
    { name: 'desk Web API (Dataverse stand-in)', url: `${desk.url}/api/data/v9.2/eer_calls`, note: 'tables of the solution model' },
  ];
  const width = Math.max(...services.map((s) => s.name.length));
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`EER 122 local stack is up (${((Date.now() - started) / 1000).toFixed(1)} s):`);
  for (const s of services) out(`  ${s.name.padEnd(width)}  ${s.url}${s.note ? `  (${s.note})` : ''}`);
  out();
  out(`Open the operator desk: ${desk.url}/  (signed in as ${desk.users[0]?.upn ?? 'the first operator'}; switch user, language, theme in its header)`);
  out(`  The controls sign in at the development identity over https with a self-signed certificate: if a sign-in`);
  out(`  window warns about it, open ${stack.identity.secureUrl}/ once and accept the certificate.`);
  out('Place a test call (in another terminal), then answer it on the desk:');
  out('  npm run call -- --digit 3 --from +79161234567');
  out('  (digits 1–8 are the IVR topics; +79161234567 is the fixture patient Вересаев Г. А., SNILS 112-233-445 95)');
  out(`Sent SMS and e-mails: ${desk.inboxUrl}`);
  out('Ctrl+C stops everything.');
  out(`function app ready: ${stack.functionsUrl}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void desk
      .close()
      .then(() => stack.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`local stack failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
