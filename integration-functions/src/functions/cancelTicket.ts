import type { PatientCard } from '@eer/contract';
import { defineRoute, sameId } from '../api/defineRoute';
import { mis } from '../api/mis';
import { canTakeSms } from '../notifications/consent';
import { cancellationSmsText } from '../notifications/smsTexts';
import { sendSms } from '../notifications/sendSms';

/** Cancels a ticket (manual §4, fig. 8; N3 CreateClaimForRefusal) and frees its slot; SMS like a booking. */
export const cancelTicket = defineRoute('cancelTicket', async ({ params, body }, scope) => {
  sameId(scope, params.id, body.ticketId, 'ticketId');
  const port = mis();
  const cardRead: Promise<PatientCard | undefined> = body.notifySms ? port.getPatient(body.patientId).catch(() => undefined) : Promise.resolve(undefined);
  const ticket = await port.cancelTicket({ patientId: body.patientId, ticketId: body.ticketId, clientKey: body.clientKey, reason: body.reason });
  scope.context.log(`cancelled ticket=${ticket.id} status=${ticket.status}`);
  const card = await cardRead;
  const smsSent =
    card !== undefined && canTakeSms(card) && ticket.status === 'cancelled'
      ? await sendSms({ to: card.phone, text: cancellationSmsText(ticket), kind: 'cancellation', clientKey: body.clientKey }, (l) => scope.context.log(l))
      : false;
  return { ticketId: ticket.id, status: ticket.status, smsSent };
});
