import * as z from 'zod/mini';
import { boundedText, ClientKey, dateRangeChecks, EntityId, IsoDate, IsoDateTime } from './identifiers';


export const Doctor = z.object({
  id: EntityId,
  fullName: boundedText(200),
  specialtyCode: boundedText(64),
  specialtyName: boundedText(200),
  moId: EntityId,
  departmentId: z.optional(EntityId),
  /** Service zones (участки) the doctor serves: district doctors only. */
  zoneIds: z.optional(z.array(EntityId)),
});
export type Doctor = z.infer<typeof Doctor>;

export const SlotStatus = z.enum(['free', 'busy']);
export type SlotStatus = z.infer<typeof SlotStatus>;

export const Slot = z.object({
  id: EntityId,
  doctorId: EntityId,
  start: IsoDateTime,
  end: IsoDateTime,
  room: z.optional(boundedText(50)),
  status: SlotStatus,
});
export type Slot = z.infer<typeof Slot>;

export const DayWithFreeTime = z.object({
  date: IsoDate,
  freeCount: z.int().check(z.gte(0)),
  slots: z.array(Slot),
});
export type DayWithFreeTime = z.infer<typeof DayWithFreeTime>;

/**
 * Free time of one doctor, or of a specialty (optionally in one MO); `from`..`to` are local dates of the region,
 * both included, at most 31 days. `patientId` lets the MIS apply its own rules (age group, attachment).
 * `nearest` (default true): when the period has no free time, the search goes on past `to` (up to 14 days, an app
 * setting) so the nearest days with free time show without another click.
 */
export const SlotSearchQuery = z
  .object({
    patientId: z.optional(EntityId),
    doctorId: z.optional(EntityId),
    specialtyCode: z.optional(boundedText(64)),
    moId: z.optional(EntityId),
    from: IsoDate,
    to: IsoDate,
    nearest: z._default(z.boolean(), true),
  })
  .check(
    z.refine((q) => q.doctorId !== undefined || q.specialtyCode !== undefined, 'slots.target'),
    ...dateRangeChecks(),
  );
export type SlotSearchQuery = z.infer<typeof SlotSearchQuery>;

export const SlotSearchResult = z.object({
  doctors: z.array(Doctor),
  days: z.array(DayWithFreeTime),
  /** Set when the period had no free time and the search went on to this date (included): `days` are after `to`. */
  extendedTo: z.optional(IsoDate),
});
export type SlotSearchResult = z.infer<typeof SlotSearchResult>;

/** N3 `AppointmentSourceType`; bookings from the 122 line are `call_centre`. */
export const AppointmentSource = z.enum(['call_centre', 'infomat', 'registry', 'doctor', 'internet', 'other']);
export type AppointmentSource = z.infer<typeof AppointmentSource>;

export const APPOINTMENT_SOURCE_CODES = {
  call_centre: 1,
  infomat: 2,
  registry: 3,
  doctor: 4,
  internet: 5,
  other: 6,
} as const satisfies Record<AppointmentSource, number>;

export function appointmentSourceFromCode(code: number): AppointmentSource {
  const found = AppointmentSource.options.find((s) => APPOINTMENT_SOURCE_CODES[s] === code);
  return found ?? 'other';
}

export const TicketStatus = z.enum(['booked', 'cancelled', 'visited', 'no_show']);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** A ticket (талон): one booked appointment. `id` is the appointment id in the MIS. */
export const Ticket = z.object({
  id: EntityId,
  patientId: EntityId,
  slotId: EntityId,
  doctorId: EntityId,
  doctorName: boundedText(200),
  specialtyName: boundedText(200),
  moId: EntityId,
  moName: boundedText(500),
  start: IsoDateTime,
  end: IsoDateTime,
  room: z.optional(boundedText(50)),
  address: z.optional(boundedText(500)),
  status: TicketStatus,
  source: AppointmentSource,
});
export type Ticket = z.infer<typeof Ticket>;

export const BookingRequest = z.object({
  patientId: EntityId,
  slotId: EntityId,
  clientKey: ClientKey,
  notifySms: z.boolean(),
  /** The call record this booking belongs to. */
  callId: z.optional(EntityId),
  /** Rescheduling: the ticket this one replaces (N3 `idAppointmentPrev`). */
  replacesTicketId: z.optional(EntityId),
});
export type BookingRequest = z.infer<typeof BookingRequest>;

export const BookingConfirmation = z.object({
  ticket: Ticket,
  smsSent: z.boolean(),
});
export type BookingConfirmation = z.infer<typeof BookingConfirmation>;

export const CancellationRequest = z.object({
  patientId: EntityId,
  ticketId: EntityId,
  clientKey: ClientKey,
  notifySms: z.boolean(),
  reason: z.optional(boundedText(500)),
});
export type CancellationRequest = z.infer<typeof CancellationRequest>;

export const CancellationResult = z.object({
  ticketId: EntityId,
  status: TicketStatus,
  smsSent: z.boolean(),
});
export type CancellationResult = z.infer<typeof CancellationResult>;

export const ScheduleExportBy = z.enum(['department', 'organisation', 'locality']);
export type ScheduleExportBy = z.infer<typeof ScheduleExportBy>;

export const ScheduleExportFormat = z.enum(['csv', 'xlsx']);
export type ScheduleExportFormat = z.infer<typeof ScheduleExportFormat>;

/** Schedule of a department, an MO or a locality for a period (manual §4.1–4.2), as a file. */
export const ScheduleExportQuery = z
  .object({
    by: ScheduleExportBy,
    id: EntityId,
    from: IsoDate,
    to: IsoDate,
    format: ScheduleExportFormat,
  })
  .check(...dateRangeChecks());
export type ScheduleExportQuery = z.infer<typeof ScheduleExportQuery>;

/** One row of the exported schedule file. */
export const ScheduleExportRow = z.object({
  date: IsoDate,
  start: IsoDateTime,
  end: IsoDateTime,
  moName: boundedText(500),
  departmentName: z.optional(boundedText(500)),
  doctorName: boundedText(200),
  specialtyName: boundedText(200),
  room: z.optional(boundedText(50)),
  status: SlotStatus,
});
export type ScheduleExportRow = z.infer<typeof ScheduleExportRow>;

export const SCHEDULE_EXPORT_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const satisfies Record<ScheduleExportFormat, string>;

/** `patients/{id}/tickets`: the patient's tickets, by default from today on. */
export const TicketListQuery = z.object({
  from: z.optional(IsoDate),
  to: z.optional(IsoDate),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;

export const DoctorsQuery = z.object({
  moId: z.optional(EntityId),
  specialtyCode: z.optional(boundedText(64)),
  patientId: z.optional(EntityId),
});
export type DoctorsQuery = z.infer<typeof DoctorsQuery>;
