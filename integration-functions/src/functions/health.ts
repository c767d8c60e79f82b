import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { defineHttp } from '../http/defineHttp';

const startedAt = new Date().toISOString();

/** Liveness for probes and the desk: no dependencies are called, so it answers even when the MIS is down. */
export async function getHealth(_request: HttpRequest, _context: InvocationContext): Promise<HttpResponseInit> {
  return {
    status: 200,
    jsonBody: {
      status: 'ok',
      service: 'eer-122-integration-functions',
      version: process.env.EER_APP_VERSION ?? '0.0.0',
      node: process.version,
      startedAt,
      time: new Date().toISOString(),
    },
    headers: { 'cache-control': 'no-store' },
  };
}

export const health = defineHttp('health', { methods: ['GET'], authLevel: 'anonymous', route: 'health', handler: getHealth });
