/**
 * Registers one operation of the contract's API_ROUTES as an HTTP function: method, route and auth come from the
 * contract (so routes, the controls' client and the OpenAPI document cannot drift), path, query and body are
 * validated with its schemas, and the answer is parsed with its response schema before it leaves ("parse what
 * you send"). A file operation (`response: null`) returns its own HttpResponseInit.
 */
import type { HttpResponseInit } from '@azure/functions';
import { API_ROUTES, fieldLabel, message, type ApiResponse, type ApiRouteName, type FieldIssue } from '@eer/contract';
import * as z from 'zod/mini';
import { defineHttp, type HttpFunctionDefinition } from '../http/defineHttp';
import { AppError } from '../http/errors';
import {
  json,
  operatorHandler,
  parseInput,
  publicHandler,
  queryObject,
  readJson,
  type OperatorScope,
  type RequestScope,
} from '../http/handler';

type Def<N extends ApiRouteName> = (typeof API_ROUTES)[N];

/** Answers marked by `queuedAnswer` go out as 202 Accepted (routes with `mayQueue`). */
const QUEUED = new WeakSet<object>();

/** Marks an answer of a `mayQueue` route as "queued for later delivery": HTTP 202 with the same body schema. */
export function queuedAnswer<T extends object>(body: T): T {
  QUEUED.add(body);
  return body;
}
type Parsed<N extends ApiRouteName, K extends string> = Def<N> extends { [P in K]: infer S extends z.core.$ZodType } ? z.output<S> : undefined;

/** What a handler gets: the validated path parameters, query and body of its route. */
export interface RouteInput<N extends ApiRouteName> {
  params: Parsed<N, 'params'>;
  query: Parsed<N, 'query'>;
  body: Parsed<N, 'body'>;
}

type Result<N extends ApiRouteName> = Def<N>['response'] extends null ? HttpResponseInit : ApiResponse<N>;
type Scope<N extends ApiRouteName> = Def<N>['auth'] extends 'operator' ? OperatorScope : RequestScope;

export type RouteHandler<N extends ApiRouteName> = (input: RouteInput<N>, scope: Scope<N>) => Promise<Result<N>>;

export function defineRoute<N extends ApiRouteName>(name: N, handler: RouteHandler<N>): HttpFunctionDefinition {
  const def = API_ROUTES[name] as Def<N> & { params?: z.core.$ZodType; query?: z.core.$ZodType; body?: z.core.$ZodType; mayQueue?: boolean };
  if (def.auth === 'signature') throw new Error(`defineRoute(${name}): signed routes check their own signature`);

  const run = async (scope: RequestScope): Promise<HttpResponseInit> => {
    const input = {
      params: def.params ? parseInput(scope, def.params, scope.request.params) : undefined,
      query: def.query ? parseInput(scope, def.query, queryObject(scope.request)) : undefined,
      body: def.body ? await readJson(scope, def.body) : undefined,
    } as RouteInput<N>;
    const result = await handler(input, scope as Scope<N>);
    if (def.response === null) return result as HttpResponseInit;
    const checked = z.safeParse(def.response, result);
    if (!checked.success) {
      // Our bug or an adapter's, never the caller's: log where, not what (values may be personal data).
      const where = [...new Set(checked.error.issues.map((i) => i.path.join('.')))].slice(0, 5).join(', ');
      scope.context.error(`response of ${name} does not match the contract at: ${where} correlationId=${scope.correlationId}`);
      throw new AppError('internal');
    }
    return json(scope, checked.data, def.mayQueue && QUEUED.has(result as object) ? 202 : 200);
  };

  return defineHttp(name, {
    methods: [def.method],
    authLevel: 'anonymous',
    route: def.route,
    handler: def.auth === 'operator' ? operatorHandler(run) : publicHandler(run),
  });
}

/** A route `{id}` and the id the body repeats must agree (contract: a mismatch is validation_failed). */
export function sameId(scope: RequestScope, routeId: string, bodyId: string, field: string): void {
  if (routeId === bodyId) return;
  throw new AppError('validation_failed', undefined, { issues: [fieldIssue(scope, field, 'id.mismatch')] });
}

/** A field issue in the request's language, for checks the schemas cannot make (they span route and body). */
export function fieldIssue(scope: RequestScope, field: string, key: 'id.mismatch' | 'required'): FieldIssue {
  return { field, code: key, message: `${fieldLabel(field.split('.'), scope.lang)}: ${message(key, scope.lang)}` };
}
