/**
 * The controls' client for the function app: fetch (no axios: ~23 KB gzip per control), typed by the contract's
 * `API_ROUTES`. Every call sends the bearer token, the user's language and a fresh correlation id; every JSON
 * answer is checked against the route's response schema; every failure becomes an `ApiError` (aborts excepted).
 */
import {
  API_ROUTES,
  ErrorBody,
  routePath,
  validate,
  type ApiBody,
  type ApiParams,
  type ApiQuery,
  type ApiResponse,
  type ApiRouteName,
  type Lang,
  type RouteDef,
} from '@eer/contract';
import type { TokenSource } from '../auth/TokenSource';
import { ApiError, codeForStatus } from './ApiError';

export interface ApiClient {
  /** The function app's API root, e.g. `https://eer122-func.azurewebsites.net/api`. */
  readonly baseUrl: string;
  /** Null where no sign-in is set up (operator routes then answer 401 `unauthenticated`). */
  readonly tokens: TokenSource | null;
  readonly lang: Lang;
  readonly fetch: typeof fetch;
}

export interface ApiClientOptions {
  baseUrl: string;
  tokens?: TokenSource | null;
  /** The user's language: `context.userSettings.languageId` (1049 → ru, 1033 → en). */
  lcid?: number;
  lang?: Lang;
  /** Another fetch (tests); defaults to the page's. */
  fetch?: typeof fetch;
}

/** 1049 (and every Russian LCID) → ru, 1033 (and every English LCID) → en; anything else → ru, the operators' language. */
export function langOfLcid(lcid: number | undefined): Lang {
  // The low 10 bits of an LCID are the primary language: 0x09 English, 0x19 Russian.
  return lcid !== undefined && (lcid & 0x3ff) === 0x09 ? 'en' : 'ru';
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    tokens: options.tokens ?? null,
    lang: options.lang ?? langOfLcid(options.lcid),
    // Called through a wrapper: the page's fetch throws "Illegal invocation" when called as a method of another object.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
  };
}

type Routes = typeof API_ROUTES;
/** Routes answering JSON. */
export type JsonRouteName = { [N in ApiRouteName]: Routes[N]['response'] extends null ? never : N }[ApiRouteName];
/** Routes answering a file (`produces`). */
export type FileRouteName = { [N in ApiRouteName]: Routes[N]['response'] extends null ? N : never }[ApiRouteName];

// A part the route has is required unless all its fields are optional; a part it lacks cannot be given.
type Slot<K extends string, V> = [V] extends [never] ? { [P in K]?: undefined } : object extends V ? { [P in K]?: V } : { [P in K]: V };

/** What a call of route N takes: `params`, `body`, `query` as the contract defines them, and an AbortSignal. */
export type ApiRequest<N extends ApiRouteName> = Slot<'params', ApiParams<N>> &
  Slot<'body', ApiBody<N>> &
  Slot<'query', ApiQuery<N>> & { signal?: AbortSignal };

/** The request argument may be left out when the route needs nothing. */
export type ApiArgs<N extends ApiRouteName> = object extends ApiRequest<N> ? [request?: ApiRequest<N>] : [request: ApiRequest<N>];

interface AnyRequest {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, unknown>;
  signal?: AbortSignal;
}

/** `crypto.randomUUID` where the page has it (secure contexts), otherwise a v4 UUID from `getRandomValues`. */
export function newCorrelationId(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function abortError(): DOMException {
  return new DOMException('The request was aborted', 'AbortError');
}

function urlOf(client: ApiClient, name: ApiRouteName, request: AnyRequest): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined && value !== null) query.append(key, String(value));
  }
  const search = query.toString();
  return `${client.baseUrl}/${routePath(name, request.params)}${search ? `?${search}` : ''}`;
}

async function errorOf(response: Response, client: ApiClient, correlationId: string): Promise<ApiError> {
  const sentId = response.headers.get('x-correlation-id') ?? correlationId;
  let data: unknown;
  try {
    data = JSON.parse(await response.text());
  } catch {
    data = undefined;
  }
  const body = validate(ErrorBody, data, client.lang);
  if (body.success) return ApiError.fromBody(body.data, response.status);
  return ApiError.of(codeForStatus(response.status), client.lang, sentId, { status: response.status });
}

/** Sends one request; answers the 2xx response or throws an ApiError (or an AbortError when aborted). */
async function send(client: ApiClient, name: ApiRouteName, request: AnyRequest, accept: string): Promise<Response> {
  const def: RouteDef = API_ROUTES[name];
  const { signal } = request;
  const correlationId = newCorrelationId();
  const headers: Record<string, string> = { accept, 'accept-language': client.lang, 'x-correlation-id': correlationId };
  let body: string | undefined;
  if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  const url = urlOf(client, name, request);
  const tokens = def.auth === 'operator' ? client.tokens : null;

  // A second try only after a 401, with a fresh token: a cached one may have been revoked.
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw abortError();
    if (tokens) {
      try {
        headers.authorization = `Bearer ${await tokens.getToken(attempt > 0 ? { forceRefresh: true } : undefined)}`;
      } catch {
        if (signal?.aborted) throw abortError();
        // Sign-in failed or was cancelled (a blocked popup): the operator can try again.
        throw ApiError.of('unauthenticated', client.lang, correlationId, { retryable: true });
      }
    }
    let response: Response;
    try {
      response = await client.fetch(url, { method: def.method, headers, body, signal, credentials: 'omit', cache: 'no-store' });
    } catch {
      if (signal?.aborted) throw abortError();
      throw ApiError.of('network', client.lang, correlationId);
    }
    if (response.ok) return response;
    if (response.status === 401 && tokens && attempt === 0) continue;
    try {
      throw await errorOf(response, client, correlationId);
    } catch (error) {
      if (signal?.aborted) throw abortError();
      throw error;
    }
  }
}

/**
 * Calls a JSON route: `await callApi(client, 'searchPatients', { body, signal })` → `PatientSearchResult`.
 * Throws `ApiError`; an aborted call rejects with an `AbortError` (see `isAbortError`), never an ApiError.
 */
export async function callApi<N extends JsonRouteName>(client: ApiClient, name: N, ...[request]: ApiArgs<N>): Promise<ApiResponse<N>> {
  const req = (request ?? {}) as AnyRequest;
  const response = await send(client, name, req, 'application/json');
  const correlationId = response.headers.get('x-correlation-id') ?? '';
  let data: unknown;
  try {
    data = JSON.parse(await response.text());
  } catch {
    if (req.signal?.aborted) throw abortError();
    throw ApiError.of('bad_response', client.lang, correlationId, { status: response.status });
  }
  const schema = API_ROUTES[name].response as NonNullable<RouteDef['response']>;
  const checked = validate(schema, data, client.lang);
  if (!checked.success) {
    // Paths and rules only: issue texts never quote the values.
    throw ApiError.of('bad_response', client.lang, correlationId, { status: response.status, issues: checked.issues });
  }
  return checked.data as ApiResponse<N>;
}

/** A file answered by a route with `produces` (the schedule export). */
export interface ApiFile {
  blob: Blob;
  /** From Content-Disposition (RFC 6266, `filename*` preferred), else `<route>.<ext>`. */
  filename: string;
  contentType: string;
}

const EXTENSIONS: Record<string, string> = {
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

/** The file name of a Content-Disposition header, without any path; null when it has none. */
export function filenameOf(contentDisposition: string | null): string | null {
  if (!contentDisposition) return null;
  let name: string | null = null;
  const extended = /filename\*\s*=\s*([\w!#$&+.^`|~-]+)'[^']*'([^;]+)/i.exec(contentDisposition);
  if (extended) {
    try {
      name = decodeURIComponent(extended[2]!.trim());
    } catch {
      name = null;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(contentDisposition);
    if (plain) name = plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2]!;
  }
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : null;
}

/** Downloads a file route: `await downloadApi(client, 'exportSchedule', { query })`. Errors as `callApi`. */
export async function downloadApi<N extends FileRouteName>(client: ApiClient, name: N, ...[request]: ApiArgs<N>): Promise<ApiFile> {
  const req = (request ?? {}) as AnyRequest;
  const def: RouteDef = API_ROUTES[name];
  const response = await send(client, name, req, (def.produces ?? ['application/octet-stream']).join(', '));
  const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    if (req.signal?.aborted) throw abortError();
    throw ApiError.of('network', client.lang, response.headers.get('x-correlation-id') ?? '');
  }
  const extension = EXTENSIONS[contentType.split(';')[0]!.trim().toLowerCase()] ?? 'bin';
  return { blob, contentType, filename: filenameOf(response.headers.get('content-disposition')) ?? `${name}.${extension}` };
}

/** Hands a downloaded file to the browser's save dialog. */
export function saveFile(file: ApiFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
