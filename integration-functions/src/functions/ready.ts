import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { API_ROUTES, HealthStatus } from '@eer/contract';
import axios from 'axios';
import { defineHttp } from '../http/defineHttp';
import { mis } from '../api/mis';
import { settings } from '../config';
import { smtpAnswers } from '../notifications/mailer';

const CHECK_TIMEOUT_MS = 3000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref())]);
}

async function misAnswers(): Promise<'ok' | 'failed'> {
  try {
    await withTimeout(mis().ping());
    return 'ok';
  } catch {
    return 'failed';
  }
}

/** Any HTTP answer from the gateway's base URL counts: it is up; only no answer is a failure. */
async function smsGatewayAnswers(): Promise<'ok' | 'failed' | 'not_configured'> {
  const sms = settings().sms;
  if (!sms) return 'not_configured';
  try {
    await axios.get(sms.url, { timeout: CHECK_TIMEOUT_MS, validateStatus: () => true });
    return 'ok';
  } catch {
    return 'failed';
  }
}

/**
 * Readiness (anonymous): which dependencies answer, by name and `ok`/`failed` only — no URLs, hosts or errors.
 * 503 when the MIS does not answer (nothing an operator does works without it); SMS or e-mail down is `degraded`.
 * Dependencies that are not configured are left out.
 */
export async function getReady(_request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const [misCheck, smtp, sms] = await Promise.all([misAnswers(), withTimeout(smtpAnswers()).catch(() => 'failed' as const), smsGatewayAnswers()]);
  const checks: Record<string, 'ok' | 'failed'> = { mis: misCheck };
  if (smtp !== 'not_configured') checks.smtp = smtp;
  if (sms !== 'not_configured') checks.sms = sms;
  const body = HealthStatus.parse({
    status: Object.values(checks).every((c) => c === 'ok') ? 'ok' : 'degraded',
    version: process.env.EER_APP_VERSION ?? '0.0.0',
    time: new Date().toISOString(),
    checks,
  });
  if (body.status !== 'ok') context.warn(`not ready: ${Object.entries(checks).filter(([, c]) => c === 'failed').map(([n]) => n).join(', ')}`);
  return { status: misCheck === 'ok' ? 200 : 503, jsonBody: body, headers: { 'cache-control': 'no-store' } };
}

export const ready = defineHttp('ready', {
  methods: [API_ROUTES.ready.method],
  authLevel: 'anonymous',
  route: API_ROUTES.ready.route,
  handler: getReady,
});
