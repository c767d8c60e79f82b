/**
 * SMS gateway sink: the stand-in for an SMS gateway's HTTP API.
 *   POST /messages {to, text, kind, clientKey?} → 202 {id}; the same clientKey again → 202 with the first id, not
 *        stored twice; a bad body → 400 {error, issues: [{field, code}]} (contract rules: mobile +79…, text length).
 *   GET /messages → {messages}, GET /messages/{id}, DELETE /messages (read back).
 * `failWith(503)` makes the next sends fail with that status (tests of a gateway outage); `failWith(null)` heals.
 * Texts hold personal data: the sink logs nothing.
 */
import { ClientKey, SmsMessage, type SmsKind } from '@eer/contract';
import * as z from 'zod/mini';
import { Inbox, startInboxApi } from './inbox';

export interface ReceivedSms {
  id: string;
  receivedAt: string;
  to: string;
  text: string;
  kind: SmsKind;
  clientKey?: string;
}

export interface SmsSink {
  /** Base URL of the gateway API (what SMS_GATEWAY_URL takes). */
  url: string;
  messages(): ReceivedSms[];
  waitFor(match?: (sms: ReceivedSms) => boolean, timeoutMs?: number): Promise<ReceivedSms>;
  clear(): void;
  /** Answer every send with this status until called with null. */
  failWith(status: number | null): void;
  close(): Promise<void>;
}

const SmsRequest = z.object({ ...SmsMessage.shape, clientKey: z.optional(ClientKey) });

export async function startSmsSink(options: { port?: number; host?: string } = {}): Promise<SmsSink> {
  const inbox = new Inbox<ReceivedSms>();
  const byKey = new Map<string, string>();
  let failure: number | null = null;
  let counter = 0;
  const api = await startInboxApi(inbox, {
    port: options.port,
    host: options.host,
    extra: (req, body, path) => {
      if (req.method !== 'POST' || path !== '/messages') return undefined;
      if (failure !== null) return { status: failure, body: { error: 'gateway unavailable' } };
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return { status: 400, body: { error: 'body is not JSON' } };
      }
      const parsed = SmsRequest.safeParse(json);
      if (!parsed.success) {
        return { status: 400, body: { error: 'invalid message', issues: parsed.error.issues.map((i) => ({ field: i.path.join('.'), code: i.message })) } };
      }
      const { clientKey } = parsed.data;
      const known = clientKey ? byKey.get(clientKey) : undefined;
      if (known) return { status: 202, body: { id: known } };
      counter++;
      const id = `sms-${counter}`;
      if (clientKey) byKey.set(clientKey, id);
      inbox.add({ id, receivedAt: new Date().toISOString(), ...parsed.data });
      return { status: 202, body: { id } };
    },
  });
  return {
    url: api.url,
    messages: () => inbox.all(),
    waitFor: (match, timeoutMs) => inbox.waitFor(match, timeoutMs),
    clear: () => {
      inbox.clear();
      byKey.clear();
    },
    failWith: (status) => {
      failure = status;
    },
    close: () => api.close(),
  };
}
