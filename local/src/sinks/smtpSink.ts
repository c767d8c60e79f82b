/**
 * SMTP sink: a real SMTP server (smtp-server) that accepts every mail, parses it (mailparser) and keeps it in
 * memory. Read back in-process (`messages()`, `waitFor()`) or over HTTP: GET {apiUrl}/messages,
 * GET {apiUrl}/messages/{id}, DELETE {apiUrl}/messages. No TLS; AUTH is optional and any login is accepted.
 * Mails hold personal data: the sink logs nothing.
 */
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Inbox, startInboxApi } from './inbox';

export interface ReceivedMail {
  id: string;
  receivedAt: string;
  /** SMTP envelope. */
  envelope: { from?: string; to: string[] };
  from?: string;
  to: string[];
  subject?: string;
  messageId?: string;
  text?: string;
  html?: string;
  attachments: { filename?: string; contentType: string; size: number }[];
}

export interface SmtpSink {
  host: string;
  port: number;
  /** Base URL of the read-back API. */
  apiUrl: string;
  messages(): ReceivedMail[];
  waitFor(match?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  clear(): void;
  close(): Promise<void>;
}

export async function startSmtpSink(options: { port?: number; apiPort?: number; host?: string } = {}): Promise<SmtpSink> {
  const host = options.host ?? '127.0.0.1';
  const inbox = new Inbox<ReceivedMail>();
  let counter = 0;
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'sink' });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const addresses = (value: typeof parsed.to): string[] =>
            (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address ?? '')).filter(Boolean);
          counter++;
          inbox.add({
            id: `mail-${counter}`,
            receivedAt: new Date().toISOString(),
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            from: parsed.from?.value[0]?.address,
            to: addresses(parsed.to),
            subject: parsed.subject,
            messageId: parsed.messageId,
            text: parsed.text,
            html: typeof parsed.html === 'string' ? parsed.html : undefined,
            attachments: parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.size })),
          });
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error('unreadable mail')));
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const api = await startInboxApi(inbox, { port: options.apiPort, host });
  return {
    host,
    port,
    apiUrl: api.url,
    messages: () => inbox.all(),
    waitFor: (match, timeoutMs) => inbox.waitFor(match, timeoutMs),
    clear: () => inbox.clear(),
    close: async () => {
      await api.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
