/**
 * A small stand-in for the Azure Functions host (Core Tools cannot be installed here): it serves the very
 * HttpFunctionOptions that the function files register with `app.http`, converting node:http traffic to the
 * SDK's own HttpRequest / InvocationContext / HttpResponse types.
 */
import * as http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { HttpRequest, HttpResponse, InvocationContext, type HttpResponseInit } from '@azure/functions';
import { ERROR_RETRYABLE, ERROR_STATUS, type ErrorCode } from '@eer/contract';
import type { HttpFunctionDefinition } from './loadDefinitions';
import { compileRoute, type CompiledRoute } from './routes';

export interface LocalHostOptions {
  definitions: HttpFunctionDefinition[];
  port?: number;
  host?: string;
  routePrefix?: string;
  /** Allowed origins for browsers (`*` or a comma-separated list), as the Functions host's CORS setting. */
  cors?: string;
  maxBodyBytes?: number;
  /** Where function and host log lines go; defaults to stdout. */
  log?: (line: string) => void;
}

export interface LocalHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface Route {
  definition: HttpFunctionDefinition;
  route: CompiledRoute;
  methods: Set<string> | null;
}

const DEFAULT_MAX_BODY = 10 * 1024 * 1024;

function jsonError(code: ErrorCode, message: string, correlationId: string): { status: number; headers: Record<string, string>; body: string } {
  return {
    status: ERROR_STATUS[code],
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-correlation-id': correlationId },
    body: JSON.stringify({ code, message, correlationId, retryable: ERROR_RETRYABLE[code] }),
  };
}

function corsHeaders(allowed: string | undefined, origin: string | undefined): Record<string, string> {
  if (!allowed || !origin) return {};
  const list = allowed.split(',').map((s) => s.trim());
  if (!list.includes('*') && !list.includes(origin)) return {};
  return {
    'access-control-allow-origin': list.includes('*') ? '*' : origin,
    // x-requested-with and x-signalr-user-agent: the browser SignalR client sends them with negotiate.
    'access-control-allow-headers': 'authorization, content-type, x-correlation-id, x-client-key, idempotency-key, x-requested-with, x-signalr-user-agent',
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-expose-headers': 'x-correlation-id, content-disposition',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}

export function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const prefix = (options.routePrefix ?? 'api').replace(/^\/+|\/+$/g, '');
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const routes: Route[] = options.definitions.map((definition) => ({
    definition,
    route: compileRoute(definition.options.route ?? definition.name),
    methods: definition.options.methods ? new Set(definition.options.methods.map((m) => m.toUpperCase())) : null,
  }));

  const server = http.createServer((req, res) => {
    const correlationId = randomUUID();
    const origin = req.headers.origin;
    const cors = corsHeaders(options.cors, origin);
    const send = (status: number, headers: Record<string, string>, body: Buffer | string) => {
      res.writeHead(status, { ...cors, ...headers });
      res.end(body);
    };

    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const prefixPath = prefix ? `/${prefix}` : '';
    if (prefixPath && !path.toLowerCase().startsWith(`${prefixPath.toLowerCase()}/`) && path.toLowerCase() !== prefixPath.toLowerCase()) {
      const e = jsonError('not_found', 'No function at this path', correlationId);
      return send(e.status, e.headers, e.body);
    }
    const routePath = path.slice(prefixPath.length) || '/';
    const candidates = routes.map((r) => ({ r, params: r.route.match(routePath) })).filter((c) => c.params !== null);
    if (method === 'OPTIONS' && origin) {
      res.writeHead(candidates.length > 0 ? 204 : 404, cors);
      return res.end();
    }
    const hit = candidates.find((c) => c.r.methods === null || c.r.methods.has(method));
    if (!hit) {
      const e = candidates.length > 0
        ? jsonError('method_not_allowed', `Method ${method} is not allowed here`, correlationId)
        : jsonError('not_found', 'No function at this path', correlationId);
      return send(e.status, e.headers, e.body);
    }

    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        tooLarge = true;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) {
        const e = jsonError('payload_too_large', `Body over ${maxBody} bytes`, correlationId);
        return send(e.status, e.headers, e.body);
      }
      void invoke(hit.r.definition, hit.params ?? {}).catch(() => {
        const e = jsonError('internal', 'Internal error', correlationId);
        send(e.status, e.headers, e.body);
      });
    });

    async function invoke(definition: HttpFunctionDefinition, params: Record<string, string>): Promise<void> {
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
      }
      const body = Buffer.concat(chunks);
      const request = new HttpRequest({
        method,
        url: url.toString(),
        headers,
        query: Object.fromEntries(url.searchParams),
        params,
        body: body.length > 0 && method !== 'GET' && method !== 'HEAD' ? { bytes: body } : undefined,
      });
      const context = new InvocationContext({
        invocationId: correlationId,
        functionName: definition.name,
        logHandler: (level, ...args) => log(`[${new Date().toISOString()}] ${definition.name} ${level}: ${args.map(String).join(' ')}`),
      });
      const started = process.hrtime.bigint();
      const result = (await definition.options.handler(request, context)) as HttpResponseInit | HttpResponse | undefined;
      const response = result instanceof HttpResponse ? result : new HttpResponse(result ?? { status: 204 });
      const out: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        out[key] = value;
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      send(response.status, out, bytes);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // The route template, never the concrete path: paths and queries may carry personal data.
      log(`[${new Date().toISOString()}] ${method} /${prefix}/${definition.options.route ?? definition.name} → ${response.status} ${ms.toFixed(1)} ms (${definition.name})`);
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
      resolve({
        url: `http://${host}:${port}/${prefix}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
