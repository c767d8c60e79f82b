/**
 * The operator desk: a small node server playing the model-driven app «Единая электронная регистратура» on this
 * machine. It serves
 * - the desk page (`/`) and its browser runtime (local/src/desk/browser, built by `tsc -b` to local/dist/desk/browser):
 *   the site map, forms with their tabs and cells, and the PCF host that runs the built control bundles;
 * - the platform libraries from node_modules as Dynamics provides them to virtual controls (React 16.14 as
 *   `Reactv16`/`ReactDOMv16`, Fluent 9 as `FluentUIReactv940` — the harness's copy, pcf-start/lib);
 * - the built controls (`/controls/<Name>/…` = controls/out/<Name>, the bytes the solution packs);
 * - a Dataverse Web API (`/api/data/v9.2/…`) over the local store built from the solution model;
 * - the MSAL redirect bridge at the web resource path the solution ships it under;
 * - the inbox (`/inbox`): SMS and e-mails the function app sent, read back from the sinks.
 * The signed-in Dynamics user is a cookie (`eer_desk_user`, a systemuser id) the desk page sets. A server-to-server
 * caller (the function app updating rows from its outbox) sends a bearer token instead, as Dataverse wants it: RS256
 * from the development identity (its JWKS), `aud` = the desk's URL, not expired; a registered app's token acts as
 * the desk's application user (`APPLICATION_USER_ID`), an operator's as that operator. A bad token is 401.
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { SUPERVISOR_ROLE, OPERATOR_ROLE } from '../devIdentity';
import { readSolutionModel, solutionPaths, type SolutionModel } from '@eer/solution';
import { builtControls, controlStrings, type BuiltControl } from './controls';
import { DataverseError } from './errors';
import { defaultFormId, readRelationships, readSiteMap } from './app';
import type { DeskBootstrap, DeskUser } from './browser/bootstrap';
import { deskUsers, seedAnnouncements, seedStore } from './seed';
import { DeskStore, normalGuid, type Row } from './store';
import type { Stack } from '../stack';

export const WEB_API_PATH = '/api/data/v9.2';
export const USER_COOKIE = 'eer_desk_user';
const REDIRECT_BRIDGE_PATH = '/WebResources/eer_/auth/redirect.html';
/** The systemuser the function app's registration acts as (an application user in Dataverse). */
export const APPLICATION_USER_ID = '00000000-0000-4000-8000-0000001220a1';

export interface DeskOptions {
  /** The running local stack: function app, identity, sinks. */
  stack: Pick<Stack, 'functionsUrl' | 'identity' | 'mail' | 'sms'> & Partial<Pick<Stack, 'useDataverse'>>;
  /** 0 (default) = a free port; `npm start` passes 7080. */
  port?: number;
  /** Current values of environment variables besides the stack's (schema name → value). */
  environment?: Record<string, string>;
  /** Publish the seed announcements to the function app too (the start window reads them there); default true. */
  publishAnnouncements?: boolean;
}

export interface Desk {
  /** `http://127.0.0.1:<port>`: the desk page. */
  url: string;
  inboxUrl: string;
  store: DeskStore;
  users: DeskUser[];
  model: SolutionModel;
  controls: Map<string, BuiltControl>;
  close(): Promise<void>;
}

/** The folder of the @eer/local package (…/local), from src (ts-jest) or dist. */
function localRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

/** The desk's browser runtime, compiled by `tsc -b local` (a referenced project); built here when missing. */
export function browserRuntimeDir(): string {
  const root = localRoot();
  const out = path.join(root, 'dist', 'desk', 'browser');
  if (!fs.existsSync(path.join(out, 'main.js'))) {
    const tsc = require.resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-b', path.join(root, 'src', 'desk', 'browser')], { stdio: 'pipe' });
  }
  return out;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.resx': 'text/xml; charset=utf-8',
  '.xml': 'text/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** The platform libraries as Dynamics hands them to virtual controls; files from node_modules. */
function platformLibraries(controlsDir: string): Record<string, string> {
  const from = (request: string) => require.resolve(request, { paths: [controlsDir, __dirname] });
  return {
    'react.js': from('react/umd/react.production.min.js'),
    'react-dom.js': from('react-dom/umd/react-dom.production.min.js'),
    // pcf-scripts maps Fluent 9.0–9.68 to the platform's FluentUIReactv940; the harness ships that build.
    'fluent.js': path.join(path.dirname(from('pcf-start/package.json')), 'lib', 'fluent_9_4_0.js'),
  };
}

/** The redirect bridge the controls' MSAL uses; built by controls/shared/auth/buildRedirectBridge.js when missing. */
function redirectBridge(controlsDir: string): string {
  const file = path.join(controlsDir, 'out', 'auth', 'redirect.html');
  if (!fs.existsSync(file)) execFileSync(process.execPath, [path.join(controlsDir, 'shared', 'auth', 'buildRedirectBridge.js')], { stdio: 'pipe' });
  return file;
}

async function readBody(req: http.IncomingMessage, limit = 4 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new DataverseError('invalidValue', 'The request body is too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function cookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export async function startDesk(options: DeskOptions): Promise<Desk> {
  const paths = solutionPaths();
  const model = readSolutionModel(paths.src);
  const store = new DeskStore(model, readRelationships(paths.src));
  const users = deskUsers(options.stack.identity.operators);
  const { identity } = options.stack;
  seedStore(store, model, {
    functionsBaseUrl: options.stack.functionsUrl,
    authClientId: identity.clientId,
    authAuthority: identity.authority,
    functionsScope: identity.scope,
    values: options.environment,
  }, users);

  const controls = builtControls(paths.controlsOut);
  const runtimeDir = browserRuntimeDir();
  const publicDir = path.join(localRoot(), 'src', 'desk', 'public');
  const libraries = platformLibraries(paths.controls);
  const bridge = redirectBridge(paths.controls);
  const siteMap = readSiteMap(paths.src);
  const defaultForms: Record<string, string> = {};
  for (const table of Object.keys(model.tables)) {
    const id = defaultFormId(model.forms, table);
    if (id) defaultForms[table] = id;
  }

  if (options.publishAnnouncements !== false) await publishAnnouncements(options.stack);

  let inboxUrl = '';
  const bootstrap = (): DeskBootstrap => ({
    forms: model.forms,
    tables: model.tables,
    choices: model.choices,
    views: model.views.map(({ id, table, name, columns, isDefault, queryType }) => ({ id, table, name, columns, isDefault, queryType })),
    siteMap,
    defaultForms,
    controls: Object.fromEntries(
      [...controls.values()].map((c) => [c.name, { fullName: c.fullName, controlType: c.controlType, properties: c.properties, languages: Object.keys(c.resx).map(Number) }]),
    ),
    users,
    functionsUrl: options.stack.functionsUrl,
    inboxUrl,
  });

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  };
  const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    send(res, status, JSON.stringify(body), 'application/json; charset=utf-8', { 'odata-version': '4.0', ...headers });
  const file = (res: http.ServerResponse, filePath: string) => {
    if (!fs.existsSync(filePath) || !fs.statSync(filePath).isFile()) return json(res, 404, { error: 'not found' });
    send(res, 200, fs.readFileSync(filePath), TYPES[path.extname(filePath)] ?? 'application/octet-stream');
  };
  /** A path inside `dir` only (no `..` escapes). */
  const inside = (dir: string, rest: string) => {
    const target = path.normalize(path.join(dir, decodeURIComponent(rest)));
    return target.startsWith(dir + path.sep) ? target : null;
  };

  const jwks = createRemoteJWKSet(new URL(identity.jwksUri));
  let base = '';
  /** The caller of a bearer token: the application user for a registered app, the operator for an operator. */
  const bearerUser = async (authorization: string): Promise<string> => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!token) throw new DataverseError('unauthenticated', 'The Authorization header must be a Bearer token.');
    let claims;
    try {
      claims = (await jwtVerify(token, jwks, { issuer: identity.issuer, audience: [base, `${base}/`], algorithms: ['RS256'] })).payload;
    } catch {
      // What failed (signature, audience, expiry) stays with the caller's token, not in the answer.
      throw new DataverseError('unauthenticated', 'The access token is invalid or expired, or not for this organization.');
    }
    const appId = typeof claims.azp === 'string' ? claims.azp : typeof claims.appid === 'string' ? claims.appid : undefined;
    if (claims.idtyp === 'app' && appId && identity.clients.some((c) => c.id === appId)) return APPLICATION_USER_ID;
    const operator = users.find((u) => u.operatorId === claims.oid);
    if (operator) return operator.id;
    throw new DataverseError('unauthenticated', 'The caller is not a user of this organization (no application user for the app).');
  };

  const webApi = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    let userId: string | undefined;
    if (req.headers.authorization) userId = await bearerUser(req.headers.authorization);
    else {
      userId = normalGuid(cookie(req, USER_COOKIE) ?? String(req.headers['x-eer-desk-user'] ?? '')) ?? undefined;
      if (!userId || !users.some((u) => u.id === userId)) throw new DataverseError('unauthenticated', 'No signed-in desk user (sign in on the desk page).');
    }
    const segment = /^\/([A-Za-z_]+)(?:\(([^)]+)\))?$/.exec(url.pathname.slice(WEB_API_PATH.length));
    if (!segment) throw new DataverseError('unknownTable', `Resource not found for the segment '${url.pathname.slice(WEB_API_PATH.length)}'.`);
    const table = store.tableBySet(segment[1]!);
    const id = segment[2];
    const options = url.search;
    switch (req.method) {
      case 'GET': {
        if (id) return json(res, 200, store.retrieve(table.logicalName, id, options));
        const maxPageSize = Number(/odata\.maxpagesize=(\d+)/.exec(String(req.headers.prefer ?? ''))?.[1] ?? 0);
        const result = store.retrieveMultiple(table.logicalName, options, maxPageSize);
        const body: Row = { '@odata.context': `${WEB_API_PATH}/$metadata#${table.entitySetName}`, value: result.value };
        if (result.nextSkip !== undefined) {
          const rest = options.replace(/^\?/, '').replace(/&?\$skiptoken=\d+/, '');
          body['@odata.nextLink'] = `http://${req.headers.host}${WEB_API_PATH}/${table.entitySetName}?${rest}${rest ? '&' : ''}$skiptoken=${result.nextSkip}`;
        }
        return json(res, 200, body);
      }
      case 'POST': {
        if (id) break;
        const created = store.create(table.logicalName, parseJson(await readBody(req)), userId);
        res.writeHead(204, { 'odata-entityid': `http://${req.headers.host}${WEB_API_PATH}/${table.entitySetName}(${created})`, 'cache-control': 'no-store' });
        return res.end();
      }
      case 'PATCH': {
        if (!id) break;
        store.update(table.logicalName, id, parseJson(await readBody(req)), userId);
        res.writeHead(204, { 'cache-control': 'no-store' });
        return res.end();
      }
      case 'DELETE': {
        if (!id) break;
        store.delete(table.logicalName, id);
        res.writeHead(204, { 'cache-control': 'no-store' });
        return res.end();
      }
    }
    throw new DataverseError('queryInvalid', `The HTTP method '${req.method}' is not supported here.`);
  };

  const inboxMessages = async () => {
    const read = async (url: string) => {
      const res = await fetch(url);
      return ((await res.json()) as { messages: unknown[] }).messages;
    };
    const [sms, mail] = await Promise.all([read(`${options.stack.sms.url}/messages`), read(`${options.stack.mail.apiUrl}/messages`)]);
    return { sms, mail };
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://desk');
    const p = url.pathname;
    if (p.startsWith(WEB_API_PATH + '/')) return webApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'method not allowed' });
    if (p === '/' || p === '/index.html') return file(res, path.join(publicDir, 'desk.html'));
    if (p === '/inbox') return file(res, path.join(publicDir, 'inbox.html'));
    if (p === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
    if (p === '/inbox/messages') return json(res, 200, await inboxMessages());
    if (p === '/desk/bootstrap') return json(res, 200, bootstrap());
    if (p === REDIRECT_BRIDGE_PATH) return file(res, bridge);
    const strings = /^\/desk\/strings\/([A-Za-z]+)\/(\d{4})$/.exec(p);
    if (strings) {
      const control = controls.get(strings[1]!);
      return control ? json(res, 200, controlStrings(control, Number(strings[2]))) : json(res, 404, { error: 'no such control' });
    }
    if (p.startsWith('/desk/app/')) {
      const target = inside(runtimeDir, p.slice('/desk/app/'.length));
      return target ? file(res, target) : json(res, 404, { error: 'not found' });
    }
    if (p.startsWith('/desk/public/')) {
      const target = inside(publicDir, p.slice('/desk/public/'.length));
      return target ? file(res, target) : json(res, 404, { error: 'not found' });
    }
    const library = /^\/platform\/([\w.-]+)$/.exec(p);
    if (library && libraries[library[1]!]) return file(res, libraries[library[1]!]!);
    const controlFile = /^\/controls\/([A-Za-z]+)\/(.+)$/.exec(p);
    if (controlFile && controls.has(controlFile[1]!)) {
      const target = inside(controls.get(controlFile[1]!)!.dir, controlFile[2]!);
      return target ? file(res, target) : json(res, 404, { error: 'not found' });
    }
    return json(res, 404, { error: 'not found' });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof DataverseError) {
        const challenge = error.status === 401 ? { 'www-authenticate': `Bearer authorization_uri=${identity.authority}/oauth2/authorize, resource_id=${base}` } : undefined;
        return json(res, error.status, error.toBody(), challenge);
      }
      // Never a stack trace (or a request body) to the client or the log.
      process.stderr.write(`desk: ${req.method} ${(req.url ?? '').split('?')[0]!.replace(/\([^)]*\)/g, '({id})')} failed: ${error instanceof Error ? error.name : 'error'}\n`);
      if (!res.headersSent) json(res, 500, { error: { code: '0x80040216', message: 'An unexpected error occurred.' } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  inboxUrl = `${base}/inbox`;
  // The function app updates the rows of queued home visits and appeals here (its DATAVERSE_* settings).
  options.stack.useDataverse?.(base);
  return {
    url: base,
    inboxUrl,
    store,
    users,
    model,
    controls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseJson(text: string): Row {
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Row;
  } catch {
    // fall through
  }
  throw new DataverseError('invalidValue', 'The request body is not a JSON object.');
}

/** The start window reads announcements from the function app: publish the seed ones there as a supervisor. */
async function publishAnnouncements(stack: DeskOptions['stack']): Promise<void> {
  const supervisor = stack.identity.operators.find((o) => o.roles?.includes(SUPERVISOR_ROLE));
  if (!supervisor) return;
  const token = await stack.identity.issueToken({ operatorId: supervisor.id, name: supervisor.name, roles: [OPERATOR_ROLE, SUPERVISOR_ROLE] });
  for (const a of seedAnnouncements()) {
    const res = await fetch(`${stack.functionsUrl}/announcements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(a),
    });
    if (!res.ok) process.stderr.write(`desk: publishing an announcement answered ${res.status}\n`);
  }
}
