import * as z from 'zod/mini';
import { boundedText, MobilePhone } from './identifiers';

export const SmsKind = z.enum(['booking', 'cancellation', 'home_visit', 'vaccination', 'other']);
export type SmsKind = z.infer<typeof SmsKind>;

/** 670 characters: ten concatenated UCS-2 parts of 67, the Cyrillic worst case. */
export const SMS_MAX_LENGTH = 670;

export const SmsMessage = z.object({
  to: MobilePhone,
  text: boundedText(SMS_MAX_LENGTH),
  kind: SmsKind,
});
export type SmsMessage = z.infer<typeof SmsMessage>;
