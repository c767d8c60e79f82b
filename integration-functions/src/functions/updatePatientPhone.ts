import { defineRoute, sameId } from '../api/defineRoute';
import { mis } from '../api/mis';

/** New contact phone and SMS consent (manual §3, fig. 6); the same clientKey again changes nothing twice. */
export const updatePatientPhone = defineRoute('updatePatientPhone', async ({ params, body }, scope) => {
  sameId(scope, params.id, body.patientId, 'patientId');
  const card = await mis().updatePhone(body.patientId, body.phone, body.smsConsent, body.clientKey);
  scope.context.log(`phone updated patient=${card.misId} smsConsent=${card.smsConsent}`);
  return { patientId: card.misId, phone: card.phone ?? body.phone, smsConsent: card.smsConsent };
});
