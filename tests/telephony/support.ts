/**
 * Helpers for the telephony tests and benchmark: operators connected with the real `@microsoft/signalr` client
 * through the function app's negotiate, and webhook events signed as the telephony platform signs them.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { HttpTransportType, HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import { PUSH_TARGETS, type CallEvent, type PushTarget } from '@eer/contract';
import type * as z from 'zod/mini';

export type Pushed<T extends PushTarget> = z.output<(typeof PUSH_TARGETS)[T]>;

export interface OperatorClient {
  id: string;
  token: string;
  connection: HubConnection;
  /** Every push received, per target, checked against the contract's schema. */
  received: { [T in PushTarget]: Array<Pushed<T>> };
  /** Pushes that did not match the contract (should stay empty). */
  invalid: string[];
  /** Resolves with the first push of `target` matching `match` (already received or still to come). */
  next<T extends PushTarget>(target: T, match?: (value: Pushed<T>) => boolean, timeoutMs?: number): Promise<Pushed<T>>;
  stop(): Promise<void>;
}

export interface ConnectOptions {
  /** Called on (re)connect, e.g. to read waiting calls as the CallPanel does. */
  onReconnected?: () => void;
  reconnectDelaysMs?: number[];
}

/** An operator's CallPanel: connects through `<functionsUrl>/negotiate` with their Entra-style token. */
export async function connectOperator(functionsUrl: string, id: string, token: string, options: ConnectOptions = {}): Promise<OperatorClient> {
  const connection = new HubConnectionBuilder()
    .withUrl(functionsUrl, { accessTokenFactory: () => token, transport: HttpTransportType.WebSockets })
    .withAutomaticReconnect(options.reconnectDelaysMs ?? [0, 200, 500, 1000])
    .configureLogging(LogLevel.None)
    .build();
  const received = Object.fromEntries(Object.keys(PUSH_TARGETS).map((t) => [t, []])) as unknown as OperatorClient['received'];
  const invalid: string[] = [];
  const waiters: Array<{ target: PushTarget; match: (v: never) => boolean; resolve: (v: unknown) => void }> = [];
  for (const target of Object.keys(PUSH_TARGETS) as PushTarget[]) {
    connection.on(target, (value: unknown) => {
      const parsed = PUSH_TARGETS[target].safeParse(value);
      if (!parsed.success) {
        invalid.push(target);
        return;
      }
      (received[target] as unknown[]).push(parsed.data);
      for (const waiter of [...waiters]) {
        if (waiter.target === target && waiter.match(parsed.data as never)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(parsed.data);
        }
      }
    });
  }
  if (options.onReconnected) connection.onreconnected(options.onReconnected);
  await connection.start();
  return {
    id,
    token,
    connection,
    received,
    invalid,
    next(target, match = () => true, timeoutMs = 5000) {
      const already = (received[target] as Array<Pushed<typeof target>>).find(match);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const waiter = { target, match: match as (v: never) => boolean, resolve: resolve as (v: unknown) => void };
        waiters.push(waiter);
        setTimeout(() => {
          const at = waiters.indexOf(waiter);
          if (at < 0) return;
          waiters.splice(at, 1);
          reject(new Error(`${id}: no ${target} within ${timeoutMs} ms`));
        }, timeoutMs);
      });
    },
    stop: () => connection.stop(),
  };
}

export function webhookSecret(): string {
  const secret = process.env.TELEPHONY_WEBHOOK_SECRET;
  if (!secret) throw new Error('TELEPHONY_WEBHOOK_SECRET is not set (start the stack first)');
  return secret;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface PostOptions {
  secret?: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Overrides the computed header; null sends none. */
  signature?: string | null;
  contentType?: string;
}

/** Posts one event to the webhook as the telephony platform does. */
export async function postEvent(functionsUrl: string, event: unknown, options: PostOptions = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = typeof event === 'string' ? event : JSON.stringify(event);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.signature === undefined ? sign(options.secret ?? webhookSecret(), timestamp, body) : options.signature;
  const res = await fetch(`${functionsUrl}/telephony/events`, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'x-eer-timestamp': String(timestamp),
      ...(signature === null ? {} : { 'x-eer-signature': signature }),
    },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

let sequence = 0;

/** A call event with fresh ids; pass `telephonyCallId` to continue a call. */
export function callEvent<T extends CallEvent['type']>(type: T, fields: Partial<Extract<CallEvent, { type: T }>> & Record<string, unknown> = {}): Extract<CallEvent, { type: T }> {
  sequence += 1;
  return {
    type,
    eventId: `ev-${randomUUID()}`,
    telephonyCallId: `call-${process.pid}-${sequence}`,
    occurredAt: new Date().toISOString(),
    callerNumber: '+79161234567',
    line: '122',
    ivrDigit: 3,
    ...fields,
  } as Extract<CallEvent, { type: T }>;
}

export async function operatorFetch(functionsUrl: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${functionsUrl}/${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

