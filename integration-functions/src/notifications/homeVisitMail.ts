/**
 * The notice a medical organisation gets when the 122 line books a home visit (manual §5: "на почту медицинской
 * организации приходит уведомление о новом поступившем вызове"). The request itself is in the MIS; the notice says
 * where to go and how to get in — address, intercom, contact phone, temperature, complaints — and names no one:
 * the patient's name and identifiers stay in the MIS under the request number.
 */
import type { HomeVisitRequest } from '@eer/contract';
import { formatPhone } from '@eer/contract';
import { formatLocalDateTime } from '../scheduling/hours';
import type { MailToSend } from './mailer';

export function homeVisitMail(input: {
  to: string;
  requestId: string;
  moName: string;
  zoneName: string;
  request: HomeVisitRequest;
  acceptedAt: Date;
}): MailToSend {
  const { request } = input;
  const lines = [
    `Новый вызов врача на дом № ${input.requestId}, принят линией 122 ${formatLocalDateTime(input.acceptedAt.toISOString())} (мск).`,
    '',
    `Медицинская организация: ${input.moName}`,
    `Участок: ${input.zoneName}`,
    `Адрес: ${request.address.text}`,
    `Код домофона: ${request.intercomCode || 'не указан'}`,
    `Контактный телефон: ${formatPhone(request.phone)}`,
    `Температура: ${request.temperature !== undefined ? `${request.temperature.toFixed(1).replace('.', ',')} °C` : 'не указана'}`,
    `Жалобы: ${request.complaints}`,
    '',
    `Данные пациента — в МИС, заявка № ${input.requestId}.`,
    'Письмо отправлено автоматически, отвечать на него не нужно.',
  ];
  const safeId = input.requestId.replace(/[^A-Za-z0-9._-]/g, '_');
  return {
    to: input.to,
    subject: `Вызов врача на дом № ${input.requestId} — линия 122`,
    text: lines.join('\n'),
    messageId: `<home-visit-${safeId}@eer122>`,
  };
}
