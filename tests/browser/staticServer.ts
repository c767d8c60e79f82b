/** A loopback HTTP server for test pages: a fixed map of paths to bodies (the page origin of a browser test). */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticFile {
  body: string | Buffer;
  type: string;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>`: loopback, so pages are a secure context (crypto.subtle, as MSAL needs). */
  url: string;
  files: Map<string, StaticFile>;
  close(): Promise<void>;
}

export async function startStaticServer(files: Record<string, StaticFile>): Promise<StaticServer> {
  const map = new Map(Object.entries(files));
  const server = http.createServer((req, res) => {
    const file = map.get(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
    res.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    files: map,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
