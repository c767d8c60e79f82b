/**
 * How each kind of outbox item reaches its receiver. Each delivery is keyed by the item's client key, so a repeat
 * (after a lost answer, a crash, a retry) is the same request to the receiver: the MIS returns the first request
 * for a key (conditional create), the SMS gateway sends a key once, mail systems drop a repeated Message-ID.
 */
import type { Appeal, HomeVisitRequest, OutboxKind } from '@eer/contract';
import axios from 'axios';
import * as z from 'zod/mini';
import { mis } from '../api/mis';
import { homeVisitMail } from '../notifications/homeVisitMail';
import { mailConfigured, mailFailure, MailNotConfiguredError, sendMail, type MailToSend } from '../notifications/mailer';
import { smsGatewayFromSettings, SmsRejectedError, type SmsToSend } from '../notifications/SmsGateway';
import { DeliveryError, type Delivered, type Deliverer, type Log } from './engine';

/** The serving MO and zone as resolved when the request was taken (within the MO's hours). */
export interface HomeVisitArea {
  moId: string;
  moName: string;
  moEmail?: string;
  zoneId: string;
  zoneName: string;
}

export interface HomeVisitJob {
  request: HomeVisitRequest;
  area: HomeVisitArea;
  /** When the line took it (the region's "now", EER_NOW in tests): the notice says so. */
  takenAt: string;
}

async function deliverHomeVisit(job: HomeVisitJob, _clientKey: string, log: Log): Promise<Delivered> {
  const { request, area } = job;
  const { requestId } = await mis().createHomeVisit({
    patientId: request.patientId,
    moId: area.moId,
    zoneId: area.zoneId,
    address: request.address,
    intercomCode: request.intercomCode || undefined,
    phone: request.phone,
    temperature: request.temperature,
    complaints: request.complaints,
    clientKey: request.clientKey,
  });
  log(`home visit accepted request=${requestId} mo=${area.moId}`);
  if (!area.moEmail) {
    log(`home visit request=${requestId}: the MO has no e-mail address`);
    return { resultId: requestId };
  }
  if (!mailConfigured()) {
    log('mail skipped: no SMTP server configured');
    return { resultId: requestId };
  }
  const notice = homeVisitMail({ to: area.moEmail, requestId, moName: area.moName, zoneName: area.zoneName, request, acceptedAt: new Date(job.takenAt) });
  return { resultId: requestId, followUps: [{ kind: 'mail', payload: notice }] };
}

async function deliverAppeal(appeal: Appeal, _clientKey: string, log: Log): Promise<Delivered> {
  const { appealId } = await mis().createAppeal(appeal);
  log(`appeal accepted appeal=${appealId} kind=${appeal.kind} topic=${appeal.topic} mo=${appeal.moId}`);
  return { resultId: appealId };
}

async function deliverSms(message: SmsToSend, _clientKey: string, log: Log): Promise<Delivered> {
  let gateway;
  try {
    gateway = smsGatewayFromSettings();
  } catch {
    throw new DeliveryError('Неверная настройка SMS-шлюза', false);
  }
  if (!gateway) throw new DeliveryError('SMS-шлюз не настроен', false);
  try {
    const { id } = await gateway.send(message);
    log(`sms ${message.kind} accepted id=${id}`);
    return {};
  } catch (error) {
    if (error instanceof SmsRejectedError) {
      const transient = error.status === 429 || error.status >= 500;
      log(`sms ${message.kind} failed reason=status ${error.status}`);
      throw new DeliveryError(transient ? `SMS-шлюз недоступен (код ${error.status})` : `SMS-шлюз отклонил сообщение (код ${error.status})`, transient);
    }
    if (error instanceof z.core.$ZodError) throw new DeliveryError('Номер не принимает SMS или текст слишком длинный', false);
    const reason = axios.isAxiosError(error) ? (error.code ?? 'http') : error instanceof Error ? error.name : 'unknown';
    log(`sms ${message.kind} failed reason=${reason}`);
    // No answer from the gateway (refused, reset, timeout): it may be back soon.
    throw new DeliveryError('SMS-шлюз недоступен', true);
  }
}

async function deliverMail(mail: MailToSend, _clientKey: string, log: Log): Promise<Delivered> {
  try {
    const messageId = await sendMail(mail);
    log(`mail accepted messageId=${messageId}`);
    return {};
  } catch (error) {
    if (error instanceof MailNotConfiguredError) throw new DeliveryError('Почтовый сервер не настроен', false);
    const failure = mailFailure(error);
    log(`mail failed reason=${failure.reason}`);
    // SMTP 5xx is a refusal for good; 4xx and no answer at all are worth another try.
    if (failure.responseCode !== undefined && failure.responseCode >= 500) throw new DeliveryError(`Почтовый сервер отклонил письмо (код ${failure.responseCode})`, false);
    throw new DeliveryError('Почтовый сервер недоступен', true);
  }
}

/** The receivers' deliverers; `crm` (the CRM row, crm/rowSync.ts) is added by index.ts with the store it reads. */
export const DELIVERERS: Record<Exclude<OutboxKind, 'crm'>, Deliverer> = {
  home_visit: deliverHomeVisit as Deliverer,
  appeal: deliverAppeal as Deliverer,
  sms: deliverSms as Deliverer,
  mail: deliverMail as Deliverer,
};
