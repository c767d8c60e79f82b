/**
 * E-mail to medical organisations over SMTP (nodemailer), to SMTP_HOST:SMTP_PORT from EER_MAIL_FROM. One transport
 * per settings, a connection per message (a few home visits a minute need no pool, and nothing stays open);
 * a failed e-mail never fails the request it reports (the MIS already has it).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { settings, type Settings } from '../config';

export interface MailToSend {
  to: string;
  subject: string;
  text: string;
  /** A stable Message-ID lets mail systems drop a retry's duplicate. */
  messageId?: string;
}

const transports = new Map<string, Transporter>();

function transportFor(smtp: NonNullable<Settings['smtp']>): Transporter {
  const key = JSON.stringify(smtp);
  let transport = transports.get(key);
  if (!transport) {
    transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      connectionTimeout: 5000,
      greetingTimeout: 5000,
      socketTimeout: 10000,
    });
    transports.set(key, transport);
  }
  return transport;
}

/**
 * Sends; rejects when SMTP is not configured, a setting is malformed, or the server refuses or cannot be reached.
 * Resolves with the Message-ID the server took.
 */
export async function sendMail(mail: MailToSend): Promise<string> {
  const config = settings();
  if (!config.smtp) throw new MailNotConfiguredError();
  const info = await transportFor(config.smtp).sendMail({
    from: config.mailFrom,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    messageId: mail.messageId,
  });
  return String(info.messageId);
}

export class MailNotConfiguredError extends Error {
  constructor() {
    super('no SMTP server configured');
    this.name = 'MailNotConfiguredError';
  }
}

/** Whether mail can be sent at all (SMTP_HOST set; a malformed setting counts as no). */
export function mailConfigured(): boolean {
  try {
    return settings().smtp !== null;
  } catch {
    return false;
  }
}

/** What an SMTP failure says, without content: the error code and the server's reply code. */
export function mailFailure(error: unknown): { reason: string; responseCode?: number } {
  const e = error as { code?: string; responseCode?: number; name?: string };
  return { reason: `${e.code ?? e.name ?? 'unknown'}${e.responseCode ? ` smtp=${e.responseCode}` : ''}`, responseCode: e.responseCode };
}

/** Sends and reports whether the SMTP server took it. Logs the outcome and the server's code, never the content. */
export async function trySendMail(mail: MailToSend, log: (line: string) => void): Promise<boolean> {
  try {
    // A broken setting must not fail the request this mail reports: it is caught below like any send failure.
    const messageId = await sendMail(mail);
    log(`mail accepted messageId=${messageId}`);
    return true;
  } catch (error) {
    if (error instanceof MailNotConfiguredError) {
      log('mail skipped: no SMTP server configured');
      return false;
    }
    log(`mail failed reason=${mailFailure(error).reason}`);
    return false;
  }
}

/** Readiness: does the SMTP server answer and accept our login. */
export async function smtpAnswers(): Promise<'ok' | 'failed' | 'not_configured'> {
  const config = settings();
  if (!config.smtp) return 'not_configured';
  try {
    await transportFor(config.smtp).verify();
    return 'ok';
  } catch {
    return 'failed';
  }
}

/** Drops the transports (tests, shutdown). */
export function closeMailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
