/**
 * `context.webAPI` of the desk: the PCF WebApi over the desk server's Dataverse Web API (`/api/data/v9.2`), same
 * origin, signed in by the desk's user cookie — as a model-driven app calls its own org. Failures reject with what
 * the platform rejects with: `{ errorCode, message }` (errorCode the HRESULT as a signed number).
 */
import type { ModelTable } from '@eer/solution';

export const WEB_API = '/api/data/v9.2';

export interface WebApiError extends Error {
  errorCode: number;
  code: number;
}

function webApiError(errorCode: number, message: string): WebApiError {
  return Object.assign(new Error(message), { errorCode, code: errorCode });
}

async function failure(response: Response): Promise<WebApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    const code = body.error?.code ? Number.parseInt(body.error.code, 16) | 0 : -2147220970;
    return webApiError(code, body.error?.message ?? `HTTP ${response.status}`);
  } catch {
    return webApiError(-2147220970, `HTTP ${response.status}`);
  }
}

const query = (options?: string) => (options ? (options.startsWith('?') ? options : `?${options}`) : '');
const bare = (id: string) => id.replace(/[{}]/g, '');

export class DeskWebApi implements ComponentFramework.WebApi {
  /** Every call, for the desk's own measurements and tests: table, operation, milliseconds. */
  readonly calls: Array<{ table: string; operation: string; ms: number }> = [];

  constructor(private readonly tables: Record<string, ModelTable>) {}

  private entitySet(table: string): string {
    const platform: Record<string, string> = {
      systemuser: 'systemusers',
      environmentvariabledefinition: 'environmentvariabledefinitions',
      environmentvariablevalue: 'environmentvariablevalues',
    };
    // An unknown table goes to the server as is, which answers it the way Dataverse does.
    return this.tables[table]?.entitySetName ?? platform[table] ?? table;
  }

  private async send(table: string, operation: string, url: string, init: RequestInit = {}): Promise<Response> {
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'odata-version': '4.0', 'odata-maxversion': '4.0', ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
      });
    } catch (error) {
      throw webApiError(-2147023728, `The request could not be sent: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.calls.push({ table, operation, ms: performance.now() - started });
    }
    if (!response.ok) throw await failure(response);
    return response;
  }

  async createRecord(entityType: string, data: ComponentFramework.WebApi.Entity): Promise<ComponentFramework.LookupValue> {
    const response = await this.send(entityType, 'create', `${WEB_API}/${this.entitySet(entityType)}`, { method: 'POST', body: JSON.stringify(data) });
    const id = /\(([^)]+)\)\s*$/.exec(response.headers.get('odata-entityid') ?? '')?.[1] ?? '';
    return { entityType, id };
  }

  async updateRecord(entityType: string, id: string, data: ComponentFramework.WebApi.Entity): Promise<ComponentFramework.LookupValue> {
    await this.send(entityType, 'update', `${WEB_API}/${this.entitySet(entityType)}(${bare(id)})`, { method: 'PATCH', body: JSON.stringify(data) });
    return { entityType, id: bare(id) };
  }

  async deleteRecord(entityType: string, id: string): Promise<ComponentFramework.LookupValue> {
    await this.send(entityType, 'delete', `${WEB_API}/${this.entitySet(entityType)}(${bare(id)})`, { method: 'DELETE' });
    return { entityType, id: bare(id) };
  }

  async retrieveRecord(entityType: string, id: string, options?: string): Promise<ComponentFramework.WebApi.Entity> {
    const response = await this.send(entityType, 'retrieve', `${WEB_API}/${this.entitySet(entityType)}(${bare(id)})${query(options)}`);
    return (await response.json()) as ComponentFramework.WebApi.Entity;
  }

  async retrieveMultipleRecords(entityType: string, options?: string, maxPageSize?: number): Promise<ComponentFramework.WebApi.RetrieveMultipleResponse> {
    const headers: Record<string, string> = maxPageSize && maxPageSize > 0 ? { prefer: `odata.maxpagesize=${maxPageSize}` } : {};
    const response = await this.send(entityType, 'retrieveMultiple', `${WEB_API}/${this.entitySet(entityType)}${query(options)}`, { headers });
    const body = (await response.json()) as { value: ComponentFramework.WebApi.Entity[]; '@odata.nextLink'?: string };
    const result = { entities: body.value } as ComponentFramework.WebApi.RetrieveMultipleResponse;
    if (body['@odata.nextLink']) result.nextLink = body['@odata.nextLink'];
    return result;
  }
}
