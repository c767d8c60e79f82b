import { HttpRequest, InvocationContext } from '@azure/functions';
import { ErrorBody, PatientSearchQuery } from '@eer/contract';
import { json, publicHandler, readJson } from './handler';
import { AppError } from './errors';

function context(lines: string[] = []): InvocationContext {
  return new InvocationContext({ invocationId: 'inv-00000001', functionName: 't', logHandler: (_l, ...a) => lines.push(a.join(' ')) });
}

const search = publicHandler(async (scope) => json(scope, await readJson(scope, PatientSearchQuery)));

function post(body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): HttpRequest {
  return new HttpRequest({ method: 'POST', url: 'http://localhost/api/patients/search', headers, body: { string: body } });
}

describe('HTTP handler wrapper', () => {
  it('returns the validated input with the correlation id header', async () => {
    const res = await search(post(JSON.stringify({ snils: '112-233-445 95' }), { 'content-type': 'application/json', 'x-correlation-id': 'corr-12345678' }), context());
    expect(res.status).toBe(200);
    expect((res.headers as Record<string, string>)['x-correlation-id']).toBe('corr-12345678');
  });

  it('names the bad field in Russian by default and in English on request', async () => {
    const ru = await search(post(JSON.stringify({ snils: '112-233-445 96' })), context());
    expect(ru.status).toBe(400);
    const body = ErrorBody.parse(ru.jsonBody);
    expect(body).toMatchObject({ code: 'validation_failed', field: 'snils', correlationId: 'inv-00000001' });
    expect(body.issues?.[0]?.message).toMatch(/^СНИЛС/);
    const en = await search(post(JSON.stringify({ snils: '112-233-445 96' }), { 'content-type': 'application/json', 'accept-language': 'en-GB' }), context());
    expect(ErrorBody.parse(en.jsonBody).issues?.[0]?.message).toMatch(/^SNILS/);
  });

  it('answers 415 for a wrong content type and 400 bad_json for broken JSON', async () => {
    const type = await search(post('{}', { 'content-type': 'text/plain' }), context());
    expect([type.status, (type.jsonBody as ErrorBody).code]).toEqual([415, 'unsupported_media_type']);
    const broken = await search(post('{"snils": '), context());
    expect([broken.status, (broken.jsonBody as ErrorBody).code]).toEqual([400, 'bad_json']);
  });

  it('maps an AppError to its status and an unknown error to 500 without its message', async () => {
    const lines: string[] = [];
    const conflict = await publicHandler(async () => {
      throw new AppError('slot_taken');
    })(post('{}'), context(lines));
    expect([conflict.status, (conflict.jsonBody as ErrorBody).code]).toEqual([409, 'slot_taken']);
    const crash = await publicHandler(async () => {
      throw new TypeError('Иванов Иван 112-233-445 95');
    })(post('{}'), context(lines));
    expect(crash.status).toBe(500);
    expect(JSON.stringify(crash.jsonBody)).not.toContain('Иванов');
    expect(lines.join('\n')).not.toContain('Иванов');
    expect(lines.join('\n')).toContain('unhandled TypeError');
  });
});
