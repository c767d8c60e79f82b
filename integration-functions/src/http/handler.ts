/**
 * Wraps every HTTP function: correlation id, language, JSON input validated with the contract, operator
 * authentication, and one mapping from errors to the contract's ErrorBody. No stack trace or personal data leaves it.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { errorBody, validate, type ErrorBody, type Lang } from '@eer/contract';
import type * as z from 'zod/mini';
import { AppError, isAppError } from './errors';
import { verifyOperator, type Operator } from '../auth/verifyOperator';

export interface RequestScope {
  request: HttpRequest;
  context: InvocationContext;
  correlationId: string;
  lang: Lang;
}

export interface OperatorScope extends RequestScope {
  operator: Operator;
}

const CORRELATION_ID = /^[A-Za-z0-9._-]{8,64}$/;

function correlationIdOf(request: HttpRequest, context: InvocationContext): string {
  const given = request.headers.get('x-correlation-id');
  return given && CORRELATION_ID.test(given) ? given : context.invocationId;
}

function langOf(request: HttpRequest): Lang {
  return /^\s*en\b/i.test(request.headers.get('accept-language') ?? '') ? 'en' : 'ru';
}

/** Reads and validates a JSON body; 415 for another content type, 400 for broken JSON or a bad field. */
export async function readJson<S extends z.core.$ZodType>(scope: RequestScope, schema: S): Promise<z.output<S>> {
  const type = scope.request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new AppError('unsupported_media_type', undefined, { field: 'content-type' });
  let data: unknown;
  try {
    data = JSON.parse(await scope.request.text());
  } catch {
    throw new AppError('bad_json', undefined, { field: 'body' });
  }
  return parseInput(scope, schema, data);
}

/** Validates query-string or route input (already plain values) with a contract schema. */
export function parseInput<S extends z.core.$ZodType>(scope: RequestScope, schema: S, data: unknown): z.output<S> {
  const result = validate(schema, data, scope.lang);
  if (!result.success) throw new AppError('validation_failed', undefined, { issues: result.issues });
  return result.data;
}

/** The query string as a plain object (repeated keys keep the last value). */
export function queryObject(request: HttpRequest): Record<string, string> {
  return Object.fromEntries(request.query.entries());
}

export function json(scope: RequestScope, body: unknown, status = 200, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'x-correlation-id': scope.correlationId, 'cache-control': 'no-store', ...headers } };
}

export function errorResponse(error: unknown, scope: RequestScope): HttpResponseInit {
  let body: ErrorBody;
  let status: number;
  const headers: Record<string, string> = { 'x-correlation-id': scope.correlationId, 'cache-control': 'no-store' };
  if (isAppError(error)) {
    status = error.status;
    body = errorBody(error.code, scope.correlationId, { lang: scope.lang, message: error.operatorMessage, issues: error.details.issues });
    if (!body.field && error.details.field) body.field = error.details.field;
    if (error.details.retryable !== undefined) body.retryable = error.details.retryable;
    if (error.details.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.details.retryAfterSeconds);
    if (status >= 500) scope.context.warn(`${error.code} correlationId=${scope.correlationId}`);
  } else {
    status = 500;
    body = errorBody('internal', scope.correlationId, { lang: scope.lang });
    // The error's name only: messages of foreign errors may quote input.
    const name = error instanceof Error ? error.name : typeof error;
    scope.context.error(`unhandled ${name} correlationId=${scope.correlationId}`);
  }
  return { status, jsonBody: body, headers };
}

type Handler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

function scopeOf(request: HttpRequest, context: InvocationContext): RequestScope {
  return { request, context, correlationId: correlationIdOf(request, context), lang: langOf(request) };
}

/** A function anyone may call (health, the signed telephony webhook checks its own signature). */
export function publicHandler(fn: (scope: RequestScope) => Promise<HttpResponseInit>): Handler {
  return async (request, context) => {
    const scope = scopeOf(request, context);
    try {
      return await fn(scope);
    } catch (error) {
      return errorResponse(error, scope);
    }
  };
}

/** A function only an authenticated operator may call. */
export function operatorHandler(fn: (scope: OperatorScope) => Promise<HttpResponseInit>): Handler {
  return publicHandler(async (scope) => fn({ ...scope, operator: await verifyOperator(scope.request) }));
}
