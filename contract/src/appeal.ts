import * as z from 'zod/mini';
import { Address } from './address';
import { DeliveryStatus } from './homeVisit';
import { boundedText, ClientKey, EntityId } from './identifiers';
import type { LocalizedText } from './messages';

export const AppealKind = z.enum(['appeal', 'complaint']);
export type AppealKind = z.infer<typeof AppealKind>;

export const AppealTopic = z.enum([
  'quality_of_care',
  'appointment_availability',
  'staff_conduct',
  'medicines',
  'home_visit',
  'vaccination',
  'checkups',
  'complaint_about_visit',
  /** IVR topic 2: a citizen over 65 asks for volunteer help; the MO serving their address receives it. */
  'volunteer_help',
  'other',
]);
export type AppealTopic = z.infer<typeof AppealTopic>;

export const APPEAL_TOPICS = {
  quality_of_care: { ru: 'Качество медицинской помощи', en: 'Quality of care' },
  appointment_availability: { ru: 'Доступность записи на приём', en: 'Appointment availability' },
  staff_conduct: { ru: 'Поведение персонала', en: 'Staff conduct' },
  medicines: { ru: 'Лекарственное обеспечение', en: 'Medicines' },
  home_visit: { ru: 'Вызов врача на дом', en: 'Home visit' },
  vaccination: { ru: 'Вакцинация', en: 'Vaccination' },
  checkups: { ru: 'Профосмотры и диспансеризация', en: 'Check-ups and dispensarisation' },
  complaint_about_visit: { ru: 'Жалоба на посещение', en: 'Complaint about a visit' },
  volunteer_help: { ru: 'Помощь волонтёров гражданам старше 65 лет', en: 'Volunteer help for citizens over 65' },
  other: { ru: 'Другое', en: 'Other' },
} as const satisfies Record<AppealTopic, LocalizedText>;

export const APPEAL_KINDS = {
  appeal: { ru: 'Обращение', en: 'Appeal' },
  complaint: { ru: 'Жалоба', en: 'Complaint' },
} as const satisfies Record<AppealKind, LocalizedText>;

/** An appeal or complaint about an organisation (manual §6). A complaint about a visit names its ticket. */
export const Appeal = z
  .object({
    kind: AppealKind,
    topic: AppealTopic,
    moId: EntityId,
    address: z.optional(Address),
    comment: boundedText(4000),
    /** The «Справка о рассмотрении обращения» tag (fig. 19). */
    reviewCertificate: z.boolean(),
    ticketId: z.optional(EntityId),
    patientId: z.optional(EntityId),
    callId: z.optional(EntityId),
    clientKey: ClientKey,
  })
  .check(
    z.refine((a) => a.topic !== 'complaint_about_visit' || a.ticketId !== undefined, {
      message: 'appeal.ticketRequired',
      path: ['ticketId'],
    }),
  );
export type Appeal = z.infer<typeof Appeal>;

export const AppealAccepted = z.object({
  appealId: EntityId,
  status: DeliveryStatus,
  reason: z.optional(z.string().check(z.maxLength(500))),
  /** Queued for the MIS (HTTP 202): `appealId` is then the client key, `GET outbox/{clientKey}` reports the rest. */
  queued: z.optional(z.boolean()),
});
export type AppealAccepted = z.infer<typeof AppealAccepted>;
