/**
 * A small Dataverse Web API client for the function app: find rows by an OData `$filter`, update one with PATCH
 * (`If-Match: *`: an update, never an upsert that would make a row). The token comes from Entra ID by the
 * client-credentials grant (`POST {authority}/oauth2/v2.0/token`, scope `{url}/.default`) and is kept until a minute
 * before it expires; a 401 from the Web API drops it, so the next attempt gets a new one.
 *
 * Failures are `DataverseRequestError`s with the status and whether another attempt may succeed (no answer, 408,
 * 429, 5xx, an expired token); their messages name the operation and codes only, never a value.
 */
import axios, { type AxiosInstance } from 'axios';
import type { DataverseSettings } from './settings';

export const WEB_API_VERSION = 'v9.2';
const TOKEN_MARGIN_MS = 60_000;

export type DataverseRow = Record<string, unknown>;

export class DataverseRequestError extends Error {
  constructor(
    /** `token`, `find` or `update`. */
    readonly operation: string,
    /** HTTP status; undefined when nothing came back. */
    readonly status: number | undefined,
    /** The Web API's error code (HRESULT text) or the network error's code. */
    readonly code: string | undefined,
    readonly transient: boolean,
  ) {
    super(`Dataverse ${operation} failed: ${status ?? 'no answer'}${code ? ` ${code}` : ''}`);
    this.name = 'DataverseRequestError';
  }
}

export interface DataverseClient {
  /** Rows of an entity set matching `filter` (OData syntax; quote values with `odataString`), `select` columns only. */
  findRows(entitySet: string, filter: string, select: string[], top?: number): Promise<DataverseRow[]>;
  /** Updates the row's columns; 404 when it does not exist (never creates it). */
  updateRow(entitySet: string, id: string, columns: DataverseRow): Promise<void>;
}

/** An OData string literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const transientStatus = (status: number) => status === 408 || status === 429 || status >= 500;

function requestError(operation: string, error: unknown): DataverseRequestError {
  if (axios.isAxiosError(error)) {
    const status = error.response?.status;
    if (status === undefined) return new DataverseRequestError(operation, undefined, error.code ?? 'network', true);
    const data = error.response?.data as { error?: { code?: unknown } | string } | undefined;
    const code = typeof data?.error === 'string' ? data.error : typeof data?.error?.code === 'string' ? data.error.code : undefined;
    return new DataverseRequestError(operation, status, code, transientStatus(status) || (operation !== 'token' && status === 401));
  }
  return new DataverseRequestError(operation, undefined, error instanceof Error ? error.name : 'unknown', true);
}

export function createDataverseClient(settings: DataverseSettings, http: AxiosInstance = axios.create()): DataverseClient {
  const api = `${settings.url}/api/data/${WEB_API_VERSION}`;
  let token: { value: string; expiresAt: number } | undefined;

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now()) return token.value;
    try {
      const res = await http.post<{ access_token?: string; expires_in?: number | string }>(
        `${settings.authority}/oauth2/v2.0/token`,
        new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: settings.clientId,
          client_secret: settings.clientSecret,
          scope: `${settings.url}/.default`,
        }).toString(),
        { headers: { 'content-type': 'application/x-www-form-urlencoded' }, timeout: settings.timeoutMs },
      );
      if (!res.data.access_token) throw new DataverseRequestError('token', res.status, 'no_access_token', false);
      const lifetimeMs = Number(res.data.expires_in ?? 3600) * 1000;
      token = { value: res.data.access_token, expiresAt: Date.now() + Math.max(0, lifetimeMs - TOKEN_MARGIN_MS) };
      return token.value;
    } catch (error) {
      throw error instanceof DataverseRequestError ? error : requestError('token', error);
    }
  }

  async function call<T>(operation: string, request: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    const headers = {
      authorization: `Bearer ${await accessToken()}`,
      accept: 'application/json',
      'odata-maxversion': '4.0',
      'odata-version': '4.0',
    };
    try {
      return await request(headers);
    } catch (error) {
      const failure = requestError(operation, error);
      if (failure.status === 401) token = undefined;
      throw failure;
    }
  }

  return {
    findRows: (entitySet, filter, select, top = 10) =>
      call('find', async (headers) => {
        const query = `$select=${select.join(',')}&$filter=${encodeURIComponent(filter)}&$top=${top}`;
        const res = await http.get<{ value?: DataverseRow[] }>(`${api}/${entitySet}?${query}`, { headers, timeout: settings.timeoutMs });
        return res.data.value ?? [];
      }),
    updateRow: (entitySet, id, columns) =>
      call('update', async (headers) => {
        await http.patch(`${api}/${entitySet}(${encodeURIComponent(id)})`, columns, {
          headers: { ...headers, 'content-type': 'application/json', 'if-match': '*' },
          timeout: settings.timeoutMs,
        });
      }),
  };
}

let cached: { key: string; client: DataverseClient } | undefined;

/** The client for these settings, kept while they stay the same (its token is reused). */
export function dataverseClient(settings: DataverseSettings): DataverseClient {
  const key = JSON.stringify(settings);
  if (cached?.key !== key) cached = { key, client: createDataverseClient(settings) };
  return cached.client;
}
