/**
 * Stand-in for Azure SignalR Service in serverless mode, for the local run and the tests (never deployed). It speaks
 * the documented protocol so the production relay code and the real `@microsoft/signalr` client run unchanged:
 * - client negotiate `POST /client/negotiate?hub=…` (token as Bearer header or `access_token` query, `aud` = the
 *   redirect url `<origin>/client/?hub=<hub>`, user id from the `nameid` claim);
 * - WebSocket `/client/?hub=…&id=<connectionToken>` with the JSON hub protocol: handshake, invocations, pings every
 *   15 s, close; a client that invokes anything is closed (clients only listen in serverless mode);
 * - the data-plane REST API v1 with HS256 JWTs signed by the AccessKey whose `aud` is the request URL without query.
 * Group membership is kept per user as the service does: it outlives the user's connections.
 */
import * as http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { jwtVerify, type JWTPayload } from 'jose';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { closeFrame, HANDSHAKE_OK_FRAME, invocationFrame, MessageType, PING_FRAME, RecordReader, frame } from './hubProtocol';

export interface LocalSignalROptions {
  port?: number;
  host?: string;
  /** Defaults to 32 random bytes in base64, like a service key. */
  accessKey?: string;
  /** Keep-alive pings to clients; the service default is 15 s. */
  pingIntervalMs?: number;
  /** Close a client that sent nothing for this long (the client pings every 15 s). */
  clientTimeoutMs?: number;
  handshakeTimeoutMs?: number;
  /** How long a negotiated connection token may wait for its WebSocket. */
  negotiateTtlMs?: number;
  maxBodyBytes?: number;
}

export interface LocalSignalR {
  /** The service origin, the `Endpoint` of the connection string. */
  endpoint: string;
  port: number;
  accessKey: string;
  /** `Endpoint=…;AccessKey=…;Version=1.0;` for the function app's `AzureSignalRConnectionString`. */
  connectionString: string;
  /** Open, handshaken connections (optionally of one user) — for tests and figures. */
  connectionCount(userId?: string): number;
  /** Cuts the user's connections (all when no user) without a close message, as a network failure would. */
  dropConnections(userId?: string): number;
  close(): Promise<void>;
}

interface Connection {
  id: string;
  hub: string;
  userId: string | undefined;
  ws: WebSocket;
  lastSeen: number;
  groups: Set<string>;
}

interface Hub {
  connections: Map<string, Connection>;
  users: Map<string, Set<Connection>>;
  /** group → user ids; persists while the users are offline. */
  userGroups: Map<string, Set<string>>;
  /** group → connection ids; dies with the connection. */
  connectionGroups: Map<string, Set<string>>;
}

interface Negotiated {
  connectionId: string;
  hub: string;
  userId: string | undefined;
  expiresAt: number;
}

/** What the service answers a client that invokes a hub method. */
export const SERVERLESS_INVOCATION_ERROR = 'Invocation is not supported in serverless mode: clients only receive messages.';

const NAME_ID_CLAIMS = ['nameid', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier'];

export async function startLocalSignalR(options: LocalSignalROptions = {}): Promise<LocalSignalR> {
  const accessKey = options.accessKey ?? randomBytes(32).toString('base64');
  const key = new TextEncoder().encode(accessKey);
  const pingIntervalMs = options.pingIntervalMs ?? 15_000;
  const clientTimeoutMs = options.clientTimeoutMs ?? 30_000;
  const handshakeTimeoutMs = options.handshakeTimeoutMs ?? 15_000;
  const negotiateTtlMs = options.negotiateTtlMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const hubs = new Map<string, Hub>();
  const negotiated = new Map<string, Negotiated>();

  const hubOf = (name: string): Hub => {
    const id = name.toLowerCase();
    let hub = hubs.get(id);
    if (!hub) {
      hub = { connections: new Map(), users: new Map(), userGroups: new Map(), connectionGroups: new Map() };
      hubs.set(id, hub);
    }
    return hub;
  };

  async function verify(token: string | undefined, audience: string): Promise<JWTPayload | undefined> {
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience, requiredClaims: ['exp'], clockTolerance: 5 });
      return payload;
    } catch {
      return undefined;
    }
  }

  function tokenOf(req: http.IncomingMessage, url: URL): string | undefined {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    return match?.[1] ?? url.searchParams.get('access_token') ?? undefined;
  }

  function userIdOf(payload: JWTPayload): string | undefined {
    for (const claim of NAME_ID_CLAIMS) if (typeof payload[claim] === 'string') return payload[claim];
    return undefined;
  }

  const clientAudience = (origin: string, hub: string) => `${origin}/client/?hub=${encodeURIComponent(hub)}`;

  // ------------------------------------------------------------------------------------------------ delivery

  function deliver(connections: Iterable<Connection>, target: string, args: unknown[]): void {
    const text = invocationFrame(target, args);
    for (const c of connections) if (c.ws.readyState === WebSocket.OPEN) c.ws.send(text);
  }

  function groupConnections(hub: Hub, group: string): Set<Connection> {
    const out = new Set<Connection>();
    for (const userId of hub.userGroups.get(group) ?? []) for (const c of hub.users.get(userId) ?? []) out.add(c);
    for (const id of hub.connectionGroups.get(group) ?? []) {
      const c = hub.connections.get(id);
      if (c) out.add(c);
    }
    return out;
  }

  function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(value);
  }

  function removeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): boolean {
    const set = map.get(key);
    if (!set?.delete(value)) return false;
    if (set.size === 0) map.delete(key);
    return true;
  }

  function forget(connection: Connection): void {
    const hub = hubOf(connection.hub);
    if (hub.connections.get(connection.id) !== connection) return;
    hub.connections.delete(connection.id);
    if (connection.userId !== undefined) removeFrom(hub.users, connection.userId, connection);
    for (const group of connection.groups) removeFrom(hub.connectionGroups, group, connection.id);
  }

  function closeConnection(connection: Connection, error: string | undefined, allowReconnect: boolean): void {
    forget(connection);
    if (connection.ws.readyState === WebSocket.OPEN) {
      connection.ws.send(closeFrame(error, allowReconnect));
      connection.ws.close(1000);
    }
  }

  // ------------------------------------------------------------------------------------------------ REST API v1

  type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

  async function rest(method: string, segments: string[], body: () => Promise<unknown>): Promise<Reply> {
    const [hubName, kind, name, sub, subName, ...rest] = segments;
    if (!hubName || rest.length > 0) return { status: 404 };
    const hub = hubOf(hubName);
    const exists = (yes: boolean): Reply => ({ status: yes ? 200 : 404 });
    const send = async (connections: Iterable<Connection>): Promise<Reply> => {
      const payload = await body();
      const message = payload as { target?: unknown; arguments?: unknown } | undefined;
      if (typeof message?.target !== 'string' || message.target.length === 0) return { status: 400, body: { code: 'validation_failed', message: 'target is required' } };
      if (message.arguments !== undefined && !Array.isArray(message.arguments)) return { status: 400, body: { code: 'validation_failed', message: 'arguments must be an array' } };
      deliver(connections, message.target, (message.arguments as unknown[] | undefined) ?? []);
      return { status: 202 };
    };
    const read = method === 'GET' || method === 'HEAD';

    if (kind === undefined) return method === 'POST' ? send(hub.connections.values()) : { status: 405 };
    if (name === undefined) return { status: 404 };

    if (kind === 'users' && sub === undefined) {
      if (method === 'POST') return send(hub.users.get(name) ?? []);
      if (read) return exists((hub.users.get(name)?.size ?? 0) > 0);
      return { status: 405 };
    }
    if (kind === 'users' && sub === 'groups' && subName === undefined) {
      if (method !== 'DELETE') return { status: 405 };
      for (const [group] of [...hub.userGroups]) removeFrom(hub.userGroups, group, name);
      return { status: 200 };
    }
    if (kind === 'connections' && sub === undefined) {
      const connection = hub.connections.get(name);
      if (method === 'POST') return send(connection ? [connection] : []);
      if (read) return exists(connection !== undefined);
      if (method === 'DELETE') {
        if (connection) closeConnection(connection, undefined, false);
        return { status: 200 };
      }
      return { status: 405 };
    }
    if (kind === 'groups' && sub === undefined) {
      if (method === 'POST') return send(groupConnections(hub, name));
      if (read) return exists(groupConnections(hub, name).size > 0);
      return { status: 405 };
    }
    if (kind === 'groups' && sub === 'users' && subName !== undefined) {
      if (method === 'PUT') addTo(hub.userGroups, name, subName);
      else if (method === 'DELETE') removeFrom(hub.userGroups, name, subName);
      else if (read) return exists(hub.userGroups.get(name)?.has(subName) ?? false);
      else return { status: 405 };
      return { status: 200 };
    }
    if (kind === 'groups' && sub === 'connections' && subName !== undefined) {
      const connection = hub.connections.get(subName);
      if (method === 'PUT') {
        if (!connection) return { status: 404 };
        addTo(hub.connectionGroups, name, subName);
        connection.groups.add(name);
      } else if (method === 'DELETE') {
        removeFrom(hub.connectionGroups, name, subName);
        connection?.groups.delete(name);
      } else return { status: 405 };
      return { status: 200 };
    }
    return { status: 404 };
  }

  function readBody(req: http.IncomingMessage): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBodyBytes) chunks.push(chunk);
      });
      req.on('error', reject);
      req.on('end', () => {
        if (size > maxBodyBytes) return reject(new RangeError('body too large'));
        try {
          resolve(size === 0 ? undefined : JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          reject(new SyntaxError('invalid JSON'));
        }
      });
    });
  }

  // ------------------------------------------------------------------------------------------------ HTTP

  function corsHeaders(req: http.IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (!origin) return {};
    // The browser client sends credentials by default, so the origin is echoed rather than `*`.
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-allow-headers': 'authorization, content-type, x-requested-with, x-signalr-user-agent',
      'access-control-allow-methods': 'POST, GET, OPTIONS',
      'access-control-max-age': '600',
      vary: 'Origin',
    };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const method = (req.method ?? 'GET').toUpperCase();
    const reply = ({ status, body, headers }: Reply) => {
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, { ...headers, ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}), 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };

    if (rawPath === '/api/v1/health' && (method === 'GET' || method === 'HEAD')) return reply({ status: 200 });

    if (/^\/client\/negotiate\/?$/.test(rawPath)) {
      const cors = corsHeaders(req);
      if (method === 'OPTIONS') return reply({ status: 204, headers: cors });
      if (method !== 'POST') return reply({ status: 405, headers: cors });
      const hub = url.searchParams.get('hub');
      if (!hub) return reply({ status: 400, body: { code: 'validation_failed', message: 'hub is required' }, headers: cors });
      const payload = await verify(tokenOf(req, url), clientAudience(origin, hub));
      if (!payload) return reply({ status: 401, headers: { ...cors, 'www-authenticate': 'Bearer' } });
      const connectionId = randomUUID();
      const connectionToken = randomBytes(24).toString('base64url');
      negotiated.set(connectionToken, { connectionId, hub, userId: userIdOf(payload), expiresAt: Date.now() + negotiateTtlMs });
      return reply({
        status: 200,
        headers: cors,
        body: {
          connectionId,
          connectionToken,
          negotiateVersion: 1,
          availableTransports: [{ transport: 'WebSockets', transferFormats: ['Text', 'Binary'] }],
        },
      });
    }

    const restPath = /^\/api\/v1\/hubs\/(.+)$/.exec(rawPath);
    if (restPath) {
      const audience = `${origin}${rawPath}`.replace(/\/+$/, '');
      const payload = await verify(tokenOf(req, url), audience);
      if (!payload) return reply({ status: 401, headers: { 'www-authenticate': 'Bearer' } });
      let segments: string[];
      try {
        segments = restPath[1]!.replace(/\/+$/, '').split('/').map(decodeURIComponent);
      } catch {
        return reply({ status: 400, body: { code: 'validation_failed', message: 'bad path' } });
      }
      try {
        return reply(await rest(method, segments, () => readBody(req)));
      } catch (error) {
        if (error instanceof RangeError) return reply({ status: 413 });
        return reply({ status: 400, body: { code: 'bad_json', message: 'body is not JSON' } });
      }
    }
    return reply({ status: 404 });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  // ------------------------------------------------------------------------------------------------ WebSocket

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxBodyBytes });

  function refuse(socket: Duplex, status: number, text: string): void {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  async function upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const hub = url.searchParams.get('hub');
    const id = url.searchParams.get('id');
    if (!/^\/client\/?$/.test(rawPath) || !hub) return refuse(socket, 404, 'Not Found');
    const payload = await verify(tokenOf(req, url), clientAudience(origin, hub));
    if (!payload) return refuse(socket, 401, 'Unauthorized');
    const pending = id ? negotiated.get(id) : undefined;
    if (!pending || pending.expiresAt < Date.now() || pending.hub !== hub) return refuse(socket, 404, 'Not Found');
    if (pending.userId !== userIdOf(payload)) return refuse(socket, 401, 'Unauthorized');
    negotiated.delete(id!);
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, pending));
  }

  function accept(ws: WebSocket, pending: Negotiated): void {
    const connection: Connection = { id: pending.connectionId, hub: pending.hub, userId: pending.userId, ws, lastSeen: Date.now(), groups: new Set() };
    const reader = new RecordReader();
    let handshaken = false;
    const handshakeTimer = setTimeout(() => ws.close(1002), handshakeTimeoutMs);

    const onRecord = (text: string): boolean => {
      let message: { type?: unknown; protocol?: unknown; version?: unknown };
      try {
        message = JSON.parse(text) as typeof message;
      } catch {
        closeConnection(connection, 'Invalid message: not JSON.', false);
        return false;
      }
      if (!handshaken) {
        clearTimeout(handshakeTimer);
        if (message.protocol !== 'json' || message.version !== 1) {
          ws.send(frame({ error: `Requested protocol '${String(message.protocol)}' version ${String(message.version)} is not available.` }));
          ws.close(1002);
          return false;
        }
        handshaken = true;
        const hub = hubOf(connection.hub);
        hub.connections.set(connection.id, connection);
        if (connection.userId !== undefined) addTo(hub.users, connection.userId, connection);
        ws.send(HANDSHAKE_OK_FRAME);
        return true;
      }
      if (message.type === MessageType.Ping) return true;
      if (message.type === MessageType.Close) {
        forget(connection);
        ws.close(1000);
        return false;
      }
      closeConnection(connection, SERVERLESS_INVOCATION_ERROR, false);
      return false;
    };

    ws.on('message', (data: RawData, isBinary: boolean) => {
      connection.lastSeen = Date.now();
      if (isBinary) return closeConnection(connection, 'Binary messages are not supported by the JSON protocol.', false);
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
      for (const record of reader.push(text)) if (!onRecord(record)) return;
    });
    ws.on('close', () => {
      clearTimeout(handshakeTimer);
      forget(connection);
    });
    ws.on('error', () => forget(connection));
  }

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    upgrade(req, socket, head).catch(() => refuse(socket, 500, 'Internal Server Error'));
  });

  // Keep-alive: ping every client, close the silent ones, drop unused negotiations.
  const ticker = setInterval(() => {
    const now = Date.now();
    for (const hub of hubs.values()) {
      for (const connection of [...hub.connections.values()]) {
        if (now - connection.lastSeen > clientTimeoutMs) closeConnection(connection, 'Server timeout elapsed without receiving a message from the client.', true);
        else if (connection.ws.readyState === WebSocket.OPEN) connection.ws.send(PING_FRAME);
      }
    }
    for (const [token, n] of negotiated) if (n.expiresAt < now) negotiated.delete(token);
  }, pingIntervalMs);
  ticker.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`;

  return {
    endpoint,
    port,
    accessKey,
    connectionString: `Endpoint=${endpoint};AccessKey=${accessKey};Version=1.0;`,
    connectionCount: (userId) => {
      let count = 0;
      for (const hub of hubs.values()) count += userId === undefined ? hub.connections.size : (hub.users.get(userId)?.size ?? 0);
      return count;
    },
    dropConnections: (userId) => {
      let dropped = 0;
      for (const hub of hubs.values()) {
        for (const connection of [...hub.connections.values()]) {
          if (userId !== undefined && connection.userId !== userId) continue;
          forget(connection);
          connection.ws.terminate();
          dropped += 1;
        }
      }
      return dropped;
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ticker);
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
