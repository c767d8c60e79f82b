import type { VaccinationPoint } from '@eer/contract';
import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';
import { vaccinationSmsText } from '../notifications/smsTexts';
import { sendSms } from '../notifications/sendSms';

/**
 * Registers a medical worker for vaccination (manual §7) and confirms by SMS to the number they gave for it.
 * The point's name and address for the SMS are read alongside the registration.
 */
export const registerVaccination = defineRoute('registerVaccination', async ({ body }, scope) => {
  const port = mis();
  const pointRead: Promise<VaccinationPoint | undefined> = port
    .listVaccinationPoints({})
    .then((points) => points.find((p) => p.id === body.pointId))
    .catch(() => undefined);
  const { registrationId, slot } = await port.registerVaccination(body);
  scope.context.log(`vaccination registered registration=${registrationId} point=${body.pointId}`);
  const smsSent = await sendSms(
    { to: body.phone, text: vaccinationSmsText(slot, await pointRead), kind: 'vaccination', clientKey: body.clientKey },
    (l) => scope.context.log(l),
  );
  return { registrationId, status: 'accepted' as const, smsSent };
});
