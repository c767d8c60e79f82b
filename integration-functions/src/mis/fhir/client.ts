/**
 * A small FHIR R4 REST client over axios: read, plain search (following `next` links), create (optionally
 * conditional with If-None-Exist), update (optionally with If-Match). Every failure becomes an AppError:
 * unreachable → mis_unavailable, too slow → mis_timeout, 404 → not_found, 409/412 → conflict, other answers →
 * mis_error or mis_unavailable. Errors carry the code only, never request or response data (both hold personal data).
 */
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { AppError } from '../../http/errors';

export interface FhirClientOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Runs each HTTP request (retries and the circuit breaker of ../resilience.ts); default: once. */
  around?: <T>(send: () => Promise<T>) => Promise<T>;
}

/** Query parameters; repeated keys (`start=ge…&start=lt…`) are arrays. Undefined values are left out. */
export type SearchParams = Record<string, string | number | boolean | undefined | (string | undefined)[]>;

export interface Versioned<T> {
  resource: T;
  /** `meta.versionId`, for If-Match. */
  version?: string;
}

const FHIR_JSON = 'application/fhir+json';
/** A search never follows more pages than this (a runaway server must not keep a function busy). */
const MAX_PAGES = 20;

function toQuery(params: SearchParams): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) query.append(key, String(v));
  }
  return query;
}

function versionOf(response: AxiosResponse, resource?: Resource): string | undefined {
  const etag = response.headers.etag as string | undefined;
  const fromTag = etag ? /"([^"]+)"/.exec(etag)?.[1] : undefined;
  return fromTag ?? resource?.meta?.versionId;
}

export class FhirClient {
  private readonly http: AxiosInstance;
  private readonly around: <T>(send: () => Promise<T>) => Promise<T>;

  constructor(options: FhirClientOptions) {
    this.around = options.around ?? ((send) => send());
    this.http = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      timeout: options.timeoutMs,
      headers: { Accept: FHIR_JSON },
      transitional: { clarifyTimeoutError: true },
      // Statuses are mapped here, not thrown by axios.
      validateStatus: () => true,
      maxRedirects: 0,
      responseType: 'json',
    });
  }

  async read<T extends Resource>(resourceType: T['resourceType'], id: string): Promise<Versioned<T>> {
    const response = await this.send<T>({ method: 'GET', url: `/${resourceType}/${encodeURIComponent(id)}` });
    return { resource: this.resourceOf(response, resourceType), version: versionOf(response, response.data) };
  }

  /** One page of a search. */
  async search<T extends Resource>(resourceType: T['resourceType'], params: SearchParams): Promise<{ resources: T[]; total?: number; next?: string }> {
    const response = await this.send<Bundle<T>>({ method: 'GET', url: `/${resourceType}`, params: toQuery(params) });
    return this.page(response, resourceType);
  }

  /** Every page of a search (up to MAX_PAGES pages). */
  async searchAll<T extends Resource>(resourceType: T['resourceType'], params: SearchParams): Promise<T[]> {
    let page = await this.search<T>(resourceType, { _count: 1000, ...params });
    const resources = [...page.resources];
    for (let n = 1; page.next && n < MAX_PAGES; n++) {
      const response = await this.send<Bundle<T>>({ method: 'GET', url: page.next });
      page = this.page(response, resourceType);
      resources.push(...page.resources);
    }
    return resources;
  }

  /** Creates; with `ifNoneExist` (a search query) the MIS returns the existing match instead of creating twice. */
  async create<T extends Resource>(resource: T, ifNoneExist?: string): Promise<Versioned<T>> {
    const response = await this.send<T>({
      method: 'POST',
      url: `/${resource.resourceType}`,
      data: resource,
      headers: { 'Content-Type': FHIR_JSON, ...(ifNoneExist ? { 'If-None-Exist': ifNoneExist } : {}) },
    });
    return { resource: this.resourceOf(response, resource.resourceType), version: versionOf(response, response.data) };
  }

  /** Updates; with `ifMatch` the MIS refuses (→ AppError conflict) when the resource changed since that version. */
  async update<T extends Resource>(resource: T & { id: string }, ifMatch?: string): Promise<Versioned<T>> {
    const response = await this.send<T>({
      method: 'PUT',
      url: `/${resource.resourceType}/${encodeURIComponent(resource.id)}`,
      data: resource,
      headers: { 'Content-Type': FHIR_JSON, ...(ifMatch ? { 'If-Match': `W/"${ifMatch}"` } : {}) },
    });
    return { resource: this.resourceOf(response, resource.resourceType), version: versionOf(response, response.data) };
  }

  async capabilities(): Promise<void> {
    const response = await this.send<Resource>({ method: 'GET', url: '/metadata' });
    this.resourceOf(response, 'CapabilityStatement');
  }

  private send<T>(config: Parameters<AxiosInstance['request']>[0]): Promise<AxiosResponse<T>> {
    return this.around(() => this.sendOnce<T>(config));
  }

  private async sendOnce<T>(config: Parameters<AxiosInstance['request']>[0]): Promise<AxiosResponse<T>> {
    let response: AxiosResponse<T | OperationOutcome>;
    try {
      response = await this.http.request<T>(config);
    } catch (error) {
      throw this.transportError(error);
    }
    const status = response.status;
    if (status >= 200 && status < 300) return response as AxiosResponse<T>;
    if (status === 404 || status === 410) throw new AppError('not_found');
    if (status === 409 || status === 412) throw new AppError('conflict');
    if (status === 429 || status === 502 || status === 503 || status === 504) {
      throw new AppError('mis_unavailable', undefined, { retryable: true });
    }
    throw new AppError('mis_error');
  }

  private transportError(error: unknown): AppError {
    const code = axios.isAxiosError(error) ? error.code : undefined;
    if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') return new AppError('mis_timeout');
    return new AppError('mis_unavailable');
  }

  private resourceOf<T extends Resource>(response: AxiosResponse, resourceType: string): T {
    const data = response.data as Resource | undefined;
    if (!data || typeof data !== 'object' || data.resourceType !== resourceType) {
      throw new AppError('mis_error');
    }
    return data as T;
  }

  private page<T extends Resource>(response: AxiosResponse, resourceType: string): { resources: T[]; total?: number; next?: string } {
    const bundle = this.resourceOf<Bundle<T>>(response, 'Bundle');
    const resources = (bundle.entry ?? [])
      .filter((e) => !e.search?.mode || e.search.mode === 'match')
      .map((e) => e.resource)
      .filter((r): r is T => r?.resourceType === resourceType);
    return { resources, total: bundle.total, next: bundle.link?.find((l) => l.relation === 'next')?.url };
  }
}
