/**
 * A page `fetch` for wrapper tests in jsdom (which has none): answers by method and path under the API root, records
 * what was sent. Only what the controls' client reads of a Response is there (ok, status, headers.get, text, blob).
 */
export interface StubRequest {
  method: string;
  /** Path after `/api/`, with the query: `patients/p-1`, `vaccination/slots?pointId=…`. */
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

export type StubAnswer = { status?: number; body: unknown } | undefined;
export type StubRoutes = (request: StubRequest) => StubAnswer | Promise<StubAnswer>;

export interface FetchStub {
  requests: StubRequest[];
  restore(): void;
}

export function installFetch(routes: StubRoutes): FetchStub {
  const requests: StubRequest[] = [];
  const page = globalThis as { fetch?: typeof fetch };
  const previous = page.fetch;
  page.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const path = `${url.pathname.replace(/^.*?\/api\//, '')}${url.search}`;
    const headers = { ...(init?.headers as Record<string, string> | undefined) };
    const request: StubRequest = { method: init?.method ?? 'GET', path, body: init?.body ? JSON.parse(String(init.body)) : undefined, headers };
    requests.push(request);
    const answer = (await routes(request)) ?? { status: 404, body: { code: 'not_found', message: 'Запись не найдена', correlationId: 'stub-404', retryable: false } };
    const status = answer.status ?? 200;
    const text = JSON.stringify(answer.body);
    return {
      ok: status >= 200 && status < 300,
      status,
      headers: { get: (name: string) => (name.toLowerCase() === 'x-correlation-id' ? headers['x-correlation-id'] ?? null : null) },
      text: () => Promise.resolve(text),
      blob: () => Promise.reject(new Error('fetchStub: no files')),
    } as unknown as Response;
  }) as typeof fetch;
  return {
    requests,
    restore: () => {
      page.fetch = previous;
    },
  };
}
