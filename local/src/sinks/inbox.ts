/** What both sinks share: received items kept in memory, read back in-process or over a small HTTP API. */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export class Inbox<T extends { id: string }> {
  private readonly items: T[] = [];
  private readonly waiters = new Set<() => void>();

  add(item: T): void {
    this.items.push(item);
    for (const wake of this.waiters) wake();
  }

  all(): T[] {
    return [...this.items];
  }

  find(id: string): T | undefined {
    return this.items.find((i) => i.id === id);
  }

  clear(): void {
    this.items.length = 0;
  }

  /** Resolves with the first item (already there or arriving) that matches; rejects after `timeoutMs`. */
  waitFor(match: (item: T) => boolean = () => true, timeoutMs = 5_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.items.find(match);
        if (!found) return false;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(found);
        return true;
      };
      const wake = () => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(`nothing matching arrived within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) this.waiters.add(wake);
    });
  }
}

export type Route = (req: http.IncomingMessage, body: string, path: string) => { status: number; body?: unknown } | undefined;

/** GET /messages, GET /messages/{id}, DELETE /messages, plus any extra routes; JSON in and out. */
export async function startInboxApi<T extends { id: string }>(
  inbox: Inbox<T>,
  options: { port?: number; host?: string; extra?: Route },
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 1_000_000) chunks.push(c);
    });
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://sink').pathname.replace(/\/+$/, '') || '/';
      const body = Buffer.concat(chunks).toString('utf8');
      let answer: { status: number; body?: unknown } | undefined =
        size > 1_000_000 ? { status: 413, body: { error: 'too large' } } : options.extra?.(req, body, path);
      if (!answer) {
        const id = /^\/messages\/([^/]+)$/.exec(path)?.[1];
        if (req.method === 'GET' && path === '/messages') answer = { status: 200, body: { messages: inbox.all() } };
        else if (req.method === 'DELETE' && path === '/messages') {
          inbox.clear();
          answer = { status: 204 };
        } else if (req.method === 'GET' && id) {
          const item = inbox.find(decodeURIComponent(id));
          answer = item ? { status: 200, body: item } : { status: 404, body: { error: 'not found' } };
        } else answer = { status: 404, body: { error: 'not found' } };
      }
      const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
      res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
