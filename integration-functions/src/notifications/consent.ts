import { isMobilePhone, type PatientCard } from '@eer/contract';

/** SMS go only to a patient who consented (manual §3, fig. 6) and has a mobile number. */
export function canTakeSms(card: PatientCard): card is PatientCard & { phone: string } {
  return card.smsConsent && card.phone !== undefined && isMobilePhone(card.phone);
}
