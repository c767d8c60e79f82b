/**
 * Webhook signatures of the telephony platform: `x-eer-signature: sha256=<hex>` is HMAC-SHA256 with the shared
 * secret over `<x-eer-timestamp>.<raw body>`, the timestamp in Unix seconds. Signing the timestamp with the body
 * makes a captured request useless once it is older than the tolerance (replay). Several `sha256=` values may be
 * sent, comma-separated, and two secrets accepted, so the secret can be rotated without dropping calls.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../http/errors';

export const TIMESTAMP_HEADER = 'x-eer-timestamp';
export const SIGNATURE_HEADER = 'x-eer-signature';

export function signWebhook(secret: string, timestamp: number, rawBody: Uint8Array | string): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.`);
  hmac.update(rawBody);
  return `sha256=${hmac.digest('hex')}`;
}

export interface SignatureCheck {
  secrets: string[];
  timestamp: string | null;
  signature: string | null;
  rawBody: Uint8Array;
  nowSeconds: number;
  toleranceSeconds: number;
}

/** Throws signature_invalid (401) for a missing or wrong signature, stale_event (409) outside the tolerance. */
export function verifyWebhookSignature(check: SignatureCheck): void {
  if (!check.timestamp || !/^\d{1,12}$/.test(check.timestamp.trim())) throw new AppError('signature_invalid', undefined, { field: TIMESTAMP_HEADER });
  const given = (check.signature ?? '')
    .split(',')
    .map((part) => /^\s*sha256=([0-9a-f]{64})\s*$/i.exec(part)?.[1]?.toLowerCase())
    .filter((hex): hex is string => hex !== undefined)
    .map((hex) => Buffer.from(hex, 'hex'));
  if (given.length === 0) throw new AppError('signature_invalid', undefined, { field: SIGNATURE_HEADER });
  const timestamp = Number(check.timestamp.trim());
  let valid = false;
  for (const secret of check.secrets) {
    const expected = Buffer.from(signWebhook(secret, timestamp, check.rawBody).slice('sha256='.length), 'hex');
    // Every pair is compared (no early exit) in constant time.
    for (const candidate of given) valid = timingSafeEqual(candidate, expected) || valid;
  }
  if (!valid) throw new AppError('signature_invalid', undefined, { field: SIGNATURE_HEADER });
  // Checked after the signature, so an unsigned request learns nothing about the clock.
  if (Math.abs(check.nowSeconds - timestamp) > check.toleranceSeconds) throw new AppError('stale_event', undefined, { field: TIMESTAMP_HEADER });
}
