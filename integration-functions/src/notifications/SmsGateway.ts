/**
 * The port to the SMS gateway, and its HTTP adapter. The gateway API (the local sink speaks it too):
 * `POST {SMS_GATEWAY_URL}/messages {to, text, kind, clientKey?}` → 202 `{id}`; the same clientKey again is not sent
 * twice. The text is built by smsTexts.ts; this layer only delivers it and never logs it (it names the doctor and
 * the time of a patient's visit).
 */
import { SmsMessage, type SmsKind } from '@eer/contract';
import axios, { type AxiosInstance } from 'axios';
import * as z from 'zod/mini';
import { settings } from '../config';

export interface SmsToSend {
  to: string;
  text: string;
  kind: SmsKind;
  /** Idempotency key: a retried booking sends its SMS once. */
  clientKey?: string;
}

export interface SmsGateway {
  /** Resolves with the gateway's message id once the gateway took the message; rejects otherwise. */
  send(message: SmsToSend): Promise<{ id: string }>;
}

/** The gateway answered with a status other than accepted. */
export class SmsRejectedError extends Error {
  constructor(readonly status: number) {
    super(`SMS gateway answered ${status}`);
    this.name = 'SmsRejectedError';
  }
}

const Accepted = z.object({ id: z.string().check(z.minLength(1)) });

export class HttpSmsGateway implements SmsGateway {
  private readonly http: AxiosInstance;

  constructor(baseUrl: string, options: { token?: string; timeoutMs?: number } = {}) {
    this.http = axios.create({
      baseURL: baseUrl.replace(/\/+$/, ''),
      timeout: options.timeoutMs ?? 5000,
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      // Any status is an answer; the code below decides.
      validateStatus: () => true,
    });
  }

  async send(message: SmsToSend): Promise<{ id: string }> {
    // The contract's rules: a mobile number, a text within SMS_MAX_LENGTH.
    const checked = SmsMessage.parse({ to: message.to, text: message.text, kind: message.kind });
    const body = message.clientKey ? { ...checked, clientKey: message.clientKey } : checked;
    const response = await this.http.post('/messages', body);
    if (response.status !== 200 && response.status !== 201 && response.status !== 202) {
      throw new SmsRejectedError(response.status);
    }
    return Accepted.parse(response.data);
  }
}

/** The gateway the settings point at, or null when SMS is not configured. */
export function smsGatewayFromSettings(): SmsGateway | null {
  const sms = settings().sms;
  return sms ? new HttpSmsGateway(sms.url, { token: sms.token }) : null;
}

/**
 * Sends and reports whether it went out. A failed SMS never fails the booking it confirms: the operator sees
 * `smsSent: false` and can read the details out. Logs the kind and outcome only.
 */
export async function trySendSms(
  message: SmsToSend,
  log: (line: string) => void,
  gateway?: SmsGateway | null,
): Promise<boolean> {
  try {
    // A broken setting must not fail the booking this SMS confirms: it is caught below like any send failure.
    const target = gateway === undefined ? smsGatewayFromSettings() : gateway;
    if (!target) {
      log(`sms ${message.kind} skipped: no gateway configured`);
      return false;
    }
    const { id } = await target.send(message);
    log(`sms ${message.kind} accepted id=${id}`);
    return true;
  } catch (error) {
    const reason =
      error instanceof SmsRejectedError
        ? `status ${error.status}`
        : axios.isAxiosError(error)
          ? (error.code ?? 'http')
          : error instanceof Error
            ? error.name
            : 'unknown';
    log(`sms ${message.kind} failed reason=${reason}`);
    return false;
  }
}
