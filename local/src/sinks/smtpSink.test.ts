import nodemailer from 'nodemailer';
import { startSmtpSink, type SmtpSink } from './smtpSink';

let sink: SmtpSink;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => sink?.close());
beforeEach(() => sink.clear());

function transport(auth?: { user: string; pass: string }) {
  return nodemailer.createTransport({ host: sink.host, port: sink.port, secure: false, ignoreTLS: true, ...(auth ? { auth } : {}) });
}

describe('SMTP sink', () => {
  it('receives a real mail sent with nodemailer and gives it back in-process and over HTTP', async () => {
    await transport().sendMail({
      from: 'eer122@call-centre.eer122.test',
      to: 'gp1@mo.eer122.test',
      subject: 'Вызов врача на дом',
      text: 'Заявка № 1: температура 38,2',
      messageId: '<visit-1@eer122.test>',
      attachments: [{ filename: 'заявка.txt', content: 'текст' }],
    });
    const mail = await sink.waitFor((m) => m.subject === 'Вызов врача на дом');
    expect(mail).toMatchObject({
      from: 'eer122@call-centre.eer122.test',
      to: ['gp1@mo.eer122.test'],
      envelope: { from: 'eer122@call-centre.eer122.test', to: ['gp1@mo.eer122.test'] },
      messageId: '<visit-1@eer122.test>',
      attachments: [{ filename: 'заявка.txt', contentType: 'text/plain' }],
    });
    expect(mail.text?.trim()).toBe('Заявка № 1: температура 38,2');

    const list = (await (await fetch(`${sink.apiUrl}/messages`)).json()) as { messages: { id: string }[] };
    expect(list.messages.map((m) => m.id)).toEqual([mail.id]);
    const one = await fetch(`${sink.apiUrl}/messages/${mail.id}`);
    expect(((await one.json()) as { subject: string }).subject).toBe('Вызов врача на дом');
    expect((await fetch(`${sink.apiUrl}/messages/mail-404`)).status).toBe(404);
    expect((await fetch(`${sink.apiUrl}/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(sink.messages()).toEqual([]);
  });

  it('accepts any login, and several recipients', async () => {
    await transport({ user: 'eer', pass: 'any' }).sendMail({ from: 'a@eer122.test', to: ['b@eer122.test', 'c@eer122.test'], subject: 's', text: 't' });
    const mail = await sink.waitFor();
    expect(mail.envelope.to).toEqual(['b@eer122.test', 'c@eer122.test']);
  });

  it('waitFor rejects when nothing arrives in time', async () => {
    await expect(sink.waitFor(() => true, 50)).rejects.toThrow(/within 50 ms/);
  });
});
