import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { defineHttp } from '../http/defineHttp';
import { openApiDocument } from '../openapi/document';

/** The API's base URL as the caller reached it: this function's URL without `/openapi.json`. */
function serverUrl(request: HttpRequest): string {
  const url = new URL(request.url);
  const forwardedHost = request.headers.get('x-forwarded-host');
  const forwardedProto = request.headers.get('x-forwarded-proto');
  const origin = forwardedHost ? `${forwardedProto ?? 'https'}://${forwardedHost.split(',')[0]!.trim()}` : url.origin;
  return `${origin}${url.pathname.replace(/\/openapi\.json$/i, '')}`;
}

/** The OpenAPI 3.0 document generated from the contract, for Power Platform custom connectors (anonymous). */
export async function getOpenApi(request: HttpRequest): Promise<HttpResponseInit> {
  return {
    status: 200,
    jsonBody: openApiDocument({ serverUrl: serverUrl(request), version: process.env.EER_APP_VERSION ?? '0.0.0' }),
    headers: { 'cache-control': 'public, max-age=300' },
  };
}

export const openapi = defineHttp('openapi', { methods: ['GET'], authLevel: 'anonymous', route: 'openapi.json', handler: getOpenApi });
