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

/** Sends and reports whether the SMTP server took it. Logs the outcome and the server's code, never the content. */
export async function trySendMail(mail: MailToSend, log: (line: string) => void): Promise<boolean> {
  try {
    // A broken setting must not fail the request this mail reports: it is caught below like any send failure.
    const config = settings();
    if (!config.smtp) {
      log('mail skipped: no SMTP server configured');
      return false;
    }
    const info = await transportFor(config.smtp).sendMail({
      from: config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
    log(`mail accepted messageId=${info.messageId}`);
    return true;
  } catch (error) {
    const e = error as { code?: string; responseCode?: number; name?: string };
    log(`mail failed reason=${e.code ?? e.name ?? 'unknown'}${e.responseCode ? ` smtp=${e.responseCode}` : ''}`);
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
