import { API_ROUTES, CallEvent } from '@eer/contract';
import { defineHttp } from '../http/defineHttp';
import { AppError, isAppError } from '../http/errors';
import { json, parseInput, publicHandler, type RequestScope } from '../http/handler';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '../telephony/signature';
import { configured, logOf, relaying } from '../telephony/scope';

/** Call events are small; anything bigger is not from the platform. */
const MAX_EVENT_BYTES = 64 * 1024;

/**
 * The telephony platform's webhook: a signed call event (offered, answered, ended, abandoned) is checked — signature
 * and age first, then format — and relayed to the operators over SignalR. Rejected events reach no one.
 */
async function receiveTelephonyEvent(scope: RequestScope) {
  const { relay, settings } = configured(scope);
  try {
    const raw = new Uint8Array(await scope.request.arrayBuffer());
    if (raw.byteLength > MAX_EVENT_BYTES) throw new AppError('payload_too_large', undefined, { field: 'body' });
    verifyWebhookSignature({
      secrets: settings.webhookSecrets,
      timestamp: scope.request.headers.get(TIMESTAMP_HEADER),
      signature: scope.request.headers.get(SIGNATURE_HEADER),
      rawBody: raw,
      nowSeconds: Math.floor(Date.now() / 1000),
      toleranceSeconds: settings.toleranceSeconds,
    });
    if (!/^application\/json\b/i.test(scope.request.headers.get('content-type') ?? '')) {
      throw new AppError('unsupported_media_type', undefined, { field: 'content-type' });
    }
    let data: unknown;
    try {
      data = JSON.parse(Buffer.from(raw).toString('utf8'));
    } catch {
      throw new AppError('bad_json', undefined, { field: 'body' });
    }
    const event = parseInput(scope, CallEvent, data);
    const ack = await relaying(() => relay.handleEvent(event, logOf(scope)));
    return json(scope, ack);
  } catch (error) {
    // The platform's operators need to see rejections; the code and field only, never the body.
    if (isAppError(error) && error.status < 500) {
      scope.context.warn(`telephony event rejected ${error.code}${error.details.field ? ` field=${error.details.field}` : ''} correlationId=${scope.correlationId}`);
    }
    throw error;
  }
}

export const telephonyEvent = defineHttp('telephonyEvent', {
  methods: [API_ROUTES.telephonyEvent.method],
  authLevel: 'anonymous',
  route: API_ROUTES.telephonyEvent.route,
  handler: publicHandler(receiveTelephonyEvent),
});
