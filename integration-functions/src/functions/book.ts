import type { PatientCard } from '@eer/contract';
import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';
import { canTakeSms } from '../notifications/consent';
import { bookingSmsText } from '../notifications/smsTexts';
import { sendSms } from '../notifications/sendSms';

/**
 * Books a slot for the patient from the call centre (N3 source 1), atomically in the MIS: a slot taken meanwhile is
 * 409 slot_taken, a retry with the same clientKey gets the first ticket. With `notifySms` and the patient's consent
 * on a mobile number, an SMS confirms it (manual §4.1, fig. 10).
 */
export const book = defineRoute('book', async ({ body }, scope) => {
  const port = mis();
  // The card is read alongside the booking, not after it: the SMS needs the phone and consent.
  const cardRead: Promise<PatientCard | undefined> = body.notifySms ? port.getPatient(body.patientId).catch(() => undefined) : Promise.resolve(undefined);
  const ticket = await port.bookSlot({
    patientId: body.patientId,
    slotId: body.slotId,
    clientKey: body.clientKey,
    source: 'call_centre',
    replacesTicketId: body.replacesTicketId,
  });
  scope.context.log(`booked ticket=${ticket.id} slot=${ticket.slotId} doctor=${ticket.doctorId}`);
  const card = await cardRead;
  const smsSent =
    card !== undefined && canTakeSms(card)
      ? await sendSms({ to: card.phone, text: bookingSmsText(ticket), kind: 'booking', clientKey: body.clientKey }, (l) => scope.context.log(l))
      : false;
  return { ticket, smsSent };
});
