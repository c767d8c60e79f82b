/**
 * The whole local 122 line in one process: every stand-in service, then the function app on the local Functions
 * host with its settings pointing at them. Used by `npm start` and by the cross-part tests.
 * Each service is started here in one place; services own their files under local/src/<service>/.
 */
import { DEV_TENANT, startDevIdentity, type DevIdentity } from './devIdentity';
import { startLocalHost, type LocalHost } from './functionsHost/host';
import { loadDefinitions } from './functionsHost/loadDefinitions';
import { applyLocalSettings, routePrefix } from './functionsHost/settings';
import { startLocalSignalR, type LocalSignalR } from './signalr/service';
import { startSandboxMis, type SandboxMis } from './sandboxMis';
import { startSmsSink, startSmtpSink, type SmsSink, type SmtpSink } from './sinks';
import { loadTimerDefinitions, startTimers } from './functionsHost/timers';
import { withRunLog } from './runLog';
import { startAzuriteTables, type AzuriteTables } from './storage/azurite';

export interface StackOptions {
  /** 0 (default) picks free ports; `npm start` passes the well-known ones. */
  functionsPort?: number;
  identityPort?: number;
  /** Sandbox MIS: port (0 = free), seed number of the synthetic region (default 122), patients (default 2000). */
  misPort?: number;
  misSeed?: number;
  misPatients?: number;
  /** SMTP sink: SMTP port and its read-back API port; SMS gateway sink port (0 = free). */
  smtpPort?: number;
  smtpApiPort?: number;
  smsPort?: number;
  /** Function and host log lines; tests collect them to scan for personal data. */
  log?: (line: string) => void;
  /** `npm start`'s well-known ports for the SignalR stand-in and Azurite's Table service (0 = free). */
  signalrPort?: number;
  storagePort?: number;
  /** Storage (Azurite tables): a folder to keep its data in between runs; default in memory. */
  storageDir?: string;
  /** How often the timer functions (the outbox worker) run locally; default LOCAL_TIMER_INTERVAL_MS or 2000 ms. */
  timerIntervalMs?: number;
}

export interface StackService {
  name: string;
  url: string;
  note?: string;
}

export interface Stack {
  functionsUrl: string;
  identity: DevIdentity;
  /** The Azure SignalR Service stand-in the function app relays calls through. */
  signalr: LocalSignalR;
  /** The sandbox MIS: `mis.baseUrl` (FHIR), `mis.faults.set({failRate, delayMs, down})`, `mis.fixtures`. */
  mis: SandboxMis;
  /** Mails the function app sent: `mail.messages()`, `mail.waitFor(m => …)`; HTTP read-back at `mail.apiUrl`. */
  mail: SmtpSink;
  /** SMS the function app sent: `sms.messages()`, `sms.waitFor(…)`, `sms.failWith(503)`. */
  sms: SmsSink;
  /** Azure Storage (Azurite's Table service): the outbox lives there (`connectionString`). */
  storage: AzuriteTables;
  /** Runs the timer functions (the outbox worker) once now, after a run in progress. */
  runTimers(): Promise<void>;
  /** The app settings the function app got (also written to process.env). */
  settings: Record<string, string>;
  services: StackService[];
  /**
   * Points the function app's Dataverse settings (DATAVERSE_*) at a Web API — the desk calls it once it listens — with
   * the identity's confidential client for the token: the outbox then updates the CRM rows of queued requests there.
   */
  useDataverse(url: string): void;
  /** An operator's bearer token from the development issuer. */
  operatorToken(operatorId: string, name?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const closers: Array<() => Promise<void>> = [];
  const services: StackService[] = [];
  const settings: Record<string, string> = {};
  // Every line also goes to the run's log file when EER_LOG_FILE is set (npm test scans it for personal data).
  const log = withRunLog(options.log);
  // Azurite starts alongside the other services (a separate process); its block below waits for it.
  const storageStarting = startAzuriteTables({ location: options.storageDir, port: options.storagePort });
  closers.push(async () => (await storageStarting.catch(() => undefined))?.stop());
  try {
    const identity = await startDevIdentity({ port: options.identityPort });
    closers.push(() => identity.close());
    services.push({ name: 'identity (Entra ID stand-in)', url: identity.issuer, note: `JWKS ${identity.jwksUri}` });
    Object.assign(settings, { AUTH_ISSUER: identity.issuer, AUTH_AUDIENCE: identity.audience, AUTH_JWKS_URI: identity.jwksUri });

    // Later services (sandbox MIS, sinks, SignalR, storage) start here and add their settings.

    // Sandbox MIS and the SMTP and SMS sinks (local/src/sandboxMis, local/src/sinks): the MIS the function app
    // reaches through getMis(), and the mail and SMS it sends.
    const mis = await startSandboxMis({ port: options.misPort, seed: options.misSeed, patients: options.misPatients });
    closers.push(() => mis.close());
    services.push({ name: 'sandbox MIS (FHIR R4)', url: mis.baseUrl, note: `seed ${mis.seed}, faults ${mis.faultsUrl}` });
    const mail = await startSmtpSink({ port: options.smtpPort, apiPort: options.smtpApiPort });
    closers.push(() => mail.close());
    services.push({ name: 'SMTP sink', url: `smtp://${mail.host}:${mail.port}`, note: `read back ${mail.apiUrl}/messages` });
    const sms = await startSmsSink({ port: options.smsPort });
    closers.push(() => sms.close());
    services.push({ name: 'SMS gateway sink', url: sms.url, note: `read back ${sms.url}/messages` });
    Object.assign(settings, { MIS_FHIR_BASE_URL: mis.baseUrl, SMTP_HOST: mail.host, SMTP_PORT: String(mail.port), SMS_GATEWAY_URL: sms.url });

    // SignalR: the Azure SignalR Service stand-in (local/src/signalr); the relay and the operators' clients use it as Azure.
    const signalr = await startLocalSignalR({ port: options.signalrPort });
    closers.push(() => signalr.close());
    services.push({ name: 'SignalR service (Azure SignalR stand-in)', url: signalr.endpoint, note: 'serverless mode, REST API v1' });
    Object.assign(settings, { AzureSignalRConnectionString: signalr.connectionString });

    // Storage and the outbox (issue 9): Azurite's Table service holds the outbox (integration-functions/src/outbox);
    // the timer functions (the outbox worker) run on an interval once the host is up, below.
    const storage = await storageStarting;
    services.push({ name: 'Azure Storage (Azurite tables)', url: storage.tableEndpoint, note: 'outbox' });
    Object.assign(settings, { AzureWebJobsStorage: storage.connectionString, OUTBOX_STORAGE_CONNECTION_STRING: storage.connectionString });
    log(`[${new Date().toISOString()}] stack: sandbox MIS seed=${mis.seed} patients=${options.misPatients ?? 2000}`);

    Object.assign(process.env, settings);
    const local = applyLocalSettings();
    const host: LocalHost = await startLocalHost({
      definitions: loadDefinitions(),
      port: options.functionsPort ?? 0,
      routePrefix: routePrefix(),
      cors: local.Host?.CORS ?? '*',
      log,
    });
    closers.push(() => host.close());
    services.push({ name: 'function app', url: host.url, note: `health ${host.url}/health` });
    const timers = startTimers(loadTimerDefinitions(), { intervalMs: options.timerIntervalMs ?? Number(process.env.LOCAL_TIMER_INTERVAL_MS || 2000), log });
    closers.push(() => timers.stop());

    // Dataverse (issue 9, the CRM row update of the outbox): the desk plays the Web API and calls useDataverse(url)
    // when it listens (it may start after the function app; the app reads settings per use); the function app's
    // registration is the identity's first confidential client. Removed again when the stack closes.
    const integrationClient = identity.clients[0]!;
    const useDataverse = (url: string) => {
      const dataverse = {
        DATAVERSE_URL: url,
        DATAVERSE_AUTHORITY: `${identity.url}/${DEV_TENANT}`,
        DATAVERSE_CLIENT_ID: integrationClient.id,
        DATAVERSE_CLIENT_SECRET: integrationClient.secret,
      };
      Object.assign(settings, dataverse);
      Object.assign(process.env, dataverse);
    };
    closers.push(async () => {
      for (const key of ['DATAVERSE_URL', 'DATAVERSE_AUTHORITY', 'DATAVERSE_CLIENT_ID', 'DATAVERSE_CLIENT_SECRET']) {
        if (settings[key] !== undefined && process.env[key] === settings[key]) delete process.env[key];
      }
    });

    return {
      functionsUrl: host.url,
      identity,
      signalr,
      mis,
      mail,
      sms,
      storage,
      runTimers: () => timers.runNow(),
      useDataverse,
      settings,
      services,
      operatorToken: (operatorId, name) => identity.issueToken({ operatorId, name }),
      close: async () => {
        for (const close of closers.reverse()) await close();
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    throw error;
  }
}
