import * as z from 'zod/mini';
import { Appeal, AppealAccepted } from './appeal';
import { AddressResolution, AddressResolveRequest, HomeVisitAccepted, HomeVisitRequest } from './homeVisit';
import { EntityId, IsoDateTime } from './identifiers';
import { ClientKeyParams, OutboxStatus } from './outbox';
import {
  PatientByPhoneQuery,
  PatientCard,
  PatientSearchQuery,
  PatientSearchResult,
  PhoneUpdate,
  PhoneUpdateResult,
} from './patient';
import {
  Department,
  District,
  Locality,
  MedicalOrganisation,
  OpeningHours,
  ReferenceQuery,
  SpecialtiesQuery,
  Specialty,
} from './reference';
import {
  BookingConfirmation,
  BookingRequest,
  CancellationRequest,
  CancellationResult,
  Doctor,
  DoctorsQuery,
  SCHEDULE_EXPORT_CONTENT_TYPES,
  ScheduleExportQuery,
  SlotSearchQuery,
  SlotSearchResult,
  Ticket,
  TicketListQuery,
} from './scheduling';
import {
  Announcement,
  AnnouncementDraft,
  CallEvent,
  CallNotification,
  ClaimCallRequest,
  ClaimCallResult,
  NegotiateResponse,
  WebhookAck,
} from './telephony';
import {
  VaccinationAccepted,
  VaccinationPoint,
  VaccinationPointsQuery,
  VaccinationRegistration,
  VaccinationSlot,
  VaccinationSlotsQuery,
} from './vaccination';

export const HttpMethod = z.enum(['GET', 'POST', 'PUT', 'DELETE']);
export type HttpMethod = z.infer<typeof HttpMethod>;

/** Who may call: an operator (Entra ID), the telephony platform (signed webhook), or anyone (health probe). */
export const RouteAuth = z.enum(['operator', 'signature', 'anonymous']);
export type RouteAuth = z.infer<typeof RouteAuth>;

export const HealthStatus = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  time: IsoDateTime,
  /** Per dependency (`mis`, `storage`, `signalr`, …). */
  checks: z.optional(z.record(z.string(), z.enum(['ok', 'failed']))),
});
export type HealthStatus = z.infer<typeof HealthStatus>;

/** `{id}` in a route. */
export const IdParams = z.object({ id: EntityId });
export type IdParams = z.infer<typeof IdParams>;

/** Shape of one operation. Route is relative to the app's `/api` and uses `{name}` placeholders. */
export interface RouteDef {
  readonly method: HttpMethod;
  readonly route: string;
  readonly auth: RouteAuth;
  readonly params?: z.core.$ZodType;
  readonly query?: z.core.$ZodType;
  readonly body?: z.core.$ZodType;
  /** JSON response schema; null when the response is a file (see `produces`). */
  readonly response: z.core.$ZodType | null;
  readonly produces?: readonly string[];
  /** May answer 202 with the same body: the request was queued in the outbox (`GET outbox/{clientKey}` tracks it). */
  readonly mayQueue?: boolean;
}

/**
 * Every HTTP operation of the function app: the functions register and validate from it, the controls' client calls
 * it, the OpenAPI generator reads it. Keys are operation ids. Errors are always `ErrorBody`.
 * Identifiers of people travel in bodies, never in URLs (URLs are logged): searches are POST.
 * Where a route has `{id}` and the body repeats it (`PhoneUpdate.patientId`, `ClaimCallRequest.telephonyCallId`),
 * a mismatch is `validation_failed`.
 */
export const API_ROUTES = {
  health: { method: 'GET', route: 'health', auth: 'anonymous', response: HealthStatus },
  /** Readiness: which dependencies answer (503 with the same body when the MIS does not). */
  ready: { method: 'GET', route: 'ready', auth: 'anonymous', response: HealthStatus },

  searchPatients: {
    method: 'POST',
    route: 'patients/search',
    auth: 'operator',
    body: PatientSearchQuery,
    response: PatientSearchResult,
  },
  findPatientsByPhone: {
    method: 'POST',
    route: 'patients/by-phone',
    auth: 'operator',
    body: PatientByPhoneQuery,
    response: PatientSearchResult,
  },
  getPatient: { method: 'GET', route: 'patients/{id}', auth: 'operator', params: IdParams, response: PatientCard },
  updatePatientPhone: {
    method: 'PUT',
    route: 'patients/{id}/phone',
    auth: 'operator',
    params: IdParams,
    body: PhoneUpdate,
    response: PhoneUpdateResult,
  },
  listPatientTickets: {
    method: 'GET',
    route: 'patients/{id}/tickets',
    auth: 'operator',
    params: IdParams,
    query: TicketListQuery,
    response: z.array(Ticket),
  },

  listDistricts: { method: 'GET', route: 'districts', auth: 'operator', response: z.array(District) },
  listOrganisations: {
    method: 'GET',
    route: 'organisations',
    auth: 'operator',
    query: ReferenceQuery,
    response: z.array(MedicalOrganisation),
  },
  getOrganisationHours: {
    method: 'GET',
    route: 'organisations/{id}/hours',
    auth: 'operator',
    params: IdParams,
    response: OpeningHours,
  },
  listDepartments: {
    method: 'GET',
    route: 'departments',
    auth: 'operator',
    query: ReferenceQuery,
    response: z.array(Department),
  },
  listLocalities: {
    method: 'GET',
    route: 'localities',
    auth: 'operator',
    query: ReferenceQuery,
    response: z.array(Locality),
  },
  listSpecialties: {
    method: 'GET',
    route: 'specialties',
    auth: 'operator',
    query: SpecialtiesQuery,
    response: z.array(Specialty),
  },
  listDoctors: { method: 'GET', route: 'doctors', auth: 'operator', query: DoctorsQuery, response: z.array(Doctor) },

  searchSlots: {
    method: 'POST',
    route: 'slots/search',
    auth: 'operator',
    body: SlotSearchQuery,
    response: SlotSearchResult,
  },
  book: { method: 'POST', route: 'bookings', auth: 'operator', body: BookingRequest, response: BookingConfirmation },
  cancelTicket: {
    method: 'POST',
    route: 'tickets/{id}/cancel',
    auth: 'operator',
    params: IdParams,
    body: CancellationRequest,
    response: CancellationResult,
  },
  exportSchedule: {
    method: 'GET',
    route: 'schedule/export',
    auth: 'operator',
    query: ScheduleExportQuery,
    response: null,
    produces: [SCHEDULE_EXPORT_CONTENT_TYPES.csv, SCHEDULE_EXPORT_CONTENT_TYPES.xlsx],
  },

  resolveAddress: {
    method: 'POST',
    route: 'address/resolve',
    auth: 'operator',
    body: AddressResolveRequest,
    response: AddressResolution,
  },
  createHomeVisit: {
    method: 'POST',
    route: 'home-visits',
    auth: 'operator',
    body: HomeVisitRequest,
    response: HomeVisitAccepted,
    mayQueue: true,
  },
  createAppeal: { method: 'POST', route: 'appeals', auth: 'operator', body: Appeal, response: AppealAccepted, mayQueue: true },
  /** What became of the queued items of one client key: home visit, appeal, SMS, notice to the MO (poll it). */
  getOutboxStatus: {
    method: 'GET',
    route: 'outbox/{clientKey}',
    auth: 'operator',
    params: ClientKeyParams,
    response: OutboxStatus,
  },

  listVaccinationPoints: {
    method: 'GET',
    route: 'vaccination/points',
    auth: 'operator',
    query: VaccinationPointsQuery,
    response: z.array(VaccinationPoint),
  },
  listVaccinationSlots: {
    method: 'GET',
    route: 'vaccination/slots',
    auth: 'operator',
    query: VaccinationSlotsQuery,
    response: z.array(VaccinationSlot),
  },
  registerVaccination: {
    method: 'POST',
    route: 'vaccination/registrations',
    auth: 'operator',
    body: VaccinationRegistration,
    response: VaccinationAccepted,
  },

  telephonyEvent: {
    method: 'POST',
    route: 'telephony/events',
    auth: 'signature',
    body: CallEvent,
    response: WebhookAck,
  },
  negotiate: { method: 'POST', route: 'negotiate', auth: 'operator', response: NegotiateResponse },
  claimCall: {
    method: 'POST',
    route: 'calls/{id}/claim',
    auth: 'operator',
    params: IdParams,
    body: ClaimCallRequest,
    response: ClaimCallResult,
  },
  /** Calls still waiting for this operator (targeted, claimed, or the group's when available): read on (re)connect. */
  listWaitingCalls: {
    method: 'GET',
    route: 'calls/waiting',
    auth: 'operator',
    response: z.array(CallNotification),
  },
  listAnnouncements: {
    method: 'GET',
    route: 'announcements',
    auth: 'operator',
    response: z.array(Announcement),
  },
  /** Supervisors only (role in setting ANNOUNCEMENTS_PUBLISHER_ROLE); pushed to every connected operator. */
  publishAnnouncement: {
    method: 'POST',
    route: 'announcements',
    auth: 'operator',
    body: AnnouncementDraft,
    response: Announcement,
  },
} as const satisfies Record<string, RouteDef>;

export type ApiRouteName = keyof typeof API_ROUTES;

type Def<N extends ApiRouteName> = (typeof API_ROUTES)[N];
type Part<N extends ApiRouteName, K extends string> = Def<N> extends { [P in K]: infer S extends z.core.$ZodType }
  ? z.input<S>
  : never;
/** What a client sends as the body of route N (before parsing). */
export type ApiBody<N extends ApiRouteName> = Part<N, 'body'>;
/** Query of route N as the client sends it. */
export type ApiQuery<N extends ApiRouteName> = Part<N, 'query'>;
/** Path parameters of route N. */
export type ApiParams<N extends ApiRouteName> = Part<N, 'params'>;
/** Parsed JSON response of route N. */
export type ApiResponse<N extends ApiRouteName> = Def<N> extends { response: infer S extends z.core.$ZodType }
  ? z.output<S>
  : never;

/** Route with its `{placeholders}` filled, URL-encoded: `routePath('getPatient', {id: 'a/b'})` → `patients/a%2Fb`. */
export function routePath(name: ApiRouteName, params: Record<string, string> = {}): string {
  return API_ROUTES[name].route.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new RangeError(`routePath(${name}): missing parameter ${key}`);
    return encodeURIComponent(value);
  });
}
