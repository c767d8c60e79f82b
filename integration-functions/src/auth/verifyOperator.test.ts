import { HttpRequest } from '@azure/functions';
import { SignJWT, generateKeyPair } from 'jose';
import { startDevIdentity, type DevIdentity } from '@eer/local';
import { verifyOperator, type AuthSettings } from './verifyOperator';
import { AppError } from '../http/errors';

function requestWith(authorization?: string): HttpRequest {
  return new HttpRequest({ method: 'GET', url: 'http://localhost/api/x', headers: authorization ? { authorization } : {} });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
}

describe('verifyOperator (Entra ID style validation against a JWKS)', () => {
  let idp: DevIdentity;
  let settings: AuthSettings;
  beforeAll(async () => {
    idp = await startDevIdentity();
    settings = { issuer: idp.issuer, audience: idp.audience, jwksUri: idp.jwksUri, requiredRole: 'EER.Operator' };
  });
  afterAll(() => idp.close());

  it('accepts a valid operator token and returns the oid as the operator id', async () => {
    const token = await idp.issueToken({ operatorId: 'op-17', name: 'Оператор 17' });
    await expect(verifyOperator(requestWith(`Bearer ${token}`), settings)).resolves.toEqual({ id: 'op-17', name: 'Оператор 17', roles: ['EER.Operator'] });
  });

  it('rejects a missing or malformed header', async () => {
    expect(await codeOf(verifyOperator(requestWith(), settings))).toBe('unauthenticated');
    expect(await codeOf(verifyOperator(requestWith('Basic abc'), settings))).toBe('unauthenticated');
    expect(await codeOf(verifyOperator(requestWith('Bearer not-a-jwt'), settings))).toBe('unauthenticated');
  });

  it('rejects an expired token, a wrong audience and a wrong issuer', async () => {
    const expired = await idp.issueToken({ operatorId: 'op-1', expiresInSeconds: -120 });
    const otherAudience = await idp.issueToken({ operatorId: 'op-1', audience: 'api://someone-else' });
    expect(await codeOf(verifyOperator(requestWith(`Bearer ${expired}`), settings))).toBe('unauthenticated');
    expect(await codeOf(verifyOperator(requestWith(`Bearer ${otherAudience}`), settings))).toBe('unauthenticated');
    const token = await idp.issueToken({ operatorId: 'op-1' });
    expect(await codeOf(verifyOperator(requestWith(`Bearer ${token}`), { ...settings, issuer: 'https://login.microsoftonline.com/x/v2.0' }))).toBe('unauthenticated');
  });

  it('rejects a token signed by a key that is not in the JWKS (forged)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ oid: 'op-1', roles: ['EER.Operator'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer(idp.issuer)
      .setAudience(idp.audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await codeOf(verifyOperator(requestWith(`Bearer ${forged}`), settings))).toBe('unauthenticated');
  });

  it('rejects an HS256 token (algorithm confusion)', async () => {
    const hs = await new SignJWT({ oid: 'op-1', roles: ['EER.Operator'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(idp.issuer)
      .setAudience(idp.audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    expect(await codeOf(verifyOperator(requestWith(`Bearer ${hs}`), settings))).toBe('unauthenticated');
  });

  it('forbids a valid user without the operator role', async () => {
    const token = await idp.issueToken({ operatorId: 'viewer', roles: ['EER.Viewer'] });
    expect(await codeOf(verifyOperator(requestWith(`Bearer ${token}`), settings))).toBe('forbidden');
  });
});
