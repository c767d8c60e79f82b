import { AppError } from '../http/errors';
import { signWebhook, verifyWebhookSignature, type SignatureCheck } from './signature';

const SECRET = 'a-dev-secret-of-32-characters-xx';
const body = Buffer.from('{"type":"offered"}');
const now = 1_760_000_000;

function codeOf(check: Partial<SignatureCheck>): string {
  const full: SignatureCheck = { secrets: [SECRET], timestamp: String(now), signature: signWebhook(SECRET, now, body), rawBody: body, nowSeconds: now, toleranceSeconds: 300, ...check };
  try {
    verifyWebhookSignature(full);
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? `${error.code}:${error.details.field}` : 'other';
  }
}

describe('webhook signature (HMAC-SHA256 over "<timestamp>.<raw body>")', () => {
  it('is the documented HMAC', () => {
    // echo -n '1760000000.{"type":"offered"}' | openssl dgst -sha256 -hmac 'a-dev-secret-of-32-characters-xx'
    expect(signWebhook(SECRET, now, body)).toBe('sha256=c8670b3a9e9bd1638486947af646752fd2349286b62574658c503cc4666b34b4');
    expect(signWebhook(SECRET, now, body)).toBe(signWebhook(SECRET, now, body.toString()));
  });

  it('accepts a good signature, also one of several and with the previous secret', () => {
    expect(codeOf({})).toBe('ok');
    expect(codeOf({ signature: `sha256=${'0'.repeat(64)}, ${signWebhook(SECRET, now, body)}` })).toBe('ok');
    expect(codeOf({ secrets: ['the-new-secret-0123456789', SECRET] })).toBe('ok');
    expect(codeOf({ timestamp: String(now - 299), signature: signWebhook(SECRET, now - 299, body) })).toBe('ok');
  });

  it('rejects unsigned, malformed and wrong signatures as signature_invalid', () => {
    expect(codeOf({ signature: null })).toBe('signature_invalid:x-eer-signature');
    expect(codeOf({ signature: 'sha1=abc' })).toBe('signature_invalid:x-eer-signature');
    expect(codeOf({ signature: signWebhook('another-secret-0123456789', now, body) })).toBe('signature_invalid:x-eer-signature');
    expect(codeOf({ rawBody: Buffer.from('{"type":"offered" }') })).toBe('signature_invalid:x-eer-signature');
    expect(codeOf({ timestamp: null })).toBe('signature_invalid:x-eer-timestamp');
    expect(codeOf({ timestamp: 'yesterday' })).toBe('signature_invalid:x-eer-timestamp');
    // the timestamp is signed: moving it breaks the signature
    expect(codeOf({ timestamp: String(now + 1) })).toBe('signature_invalid:x-eer-signature');
  });

  it('rejects a correctly signed event outside the tolerance either way as stale_event (replay)', () => {
    expect(codeOf({ timestamp: String(now - 301), signature: signWebhook(SECRET, now - 301, body) })).toBe('stale_event:x-eer-timestamp');
    expect(codeOf({ timestamp: String(now + 301), signature: signWebhook(SECRET, now + 301, body) })).toBe('stale_event:x-eer-timestamp');
  });
});
