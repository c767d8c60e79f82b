/**
 * The one port between the function app and the regional MIS. Adapters: FHIR R4 (first, `fhir/`), N3 HubService
 * (later). Inputs are already validated contract values; outputs are contract values the adapter has parsed.
 * Adapters throw AppError: not_found, slot_taken (a slot booked by someone else), conflict, mis_unavailable,
 * mis_timeout, mis_error. Grouping slots into days, the narrow-specialty list, SMS and e-mail live above the port.
 *
 * N3 fit: N3 works per medical organisation (idLpu) and identifies patients with CheckPatient, so searches take an
 * optional `moId` scope and every id here is opaque (an N3 adapter may encode `lpu:pat` pairs into one id).
 */
import type {
  Address,
  Appeal,
  AppointmentSource,
  Department,
  District,
  Doctor,
  Locality,
  MedicalOrganisation,
  OpeningHours,
  PatientCard,
  PatientSearchQuery,
  PatientSummary,
  ScheduleExportBy,
  ScheduleExportRow,
  Slot,
  Specialty,
  Ticket,
  VaccinationPoint,
  VaccinationRegistration,
  VaccinationSlot,
  WeeklyHours,
} from '@eer/contract';

export interface ServiceArea {
  moId: string;
  moName: string;
  moEmail?: string;
  zoneId: string;
  zoneName: string;
  /** When the MO accepts home-visit requests (local time of the region). */
  homeVisitHours: WeeklyHours;
}

/** A home-visit request as the MIS takes it: the serving MO and zone already resolved, the phone normalised. */
export interface MisHomeVisit {
  patientId: string;
  moId: string;
  zoneId: string;
  address: Address;
  intercomCode?: string;
  phone: string;
  temperature?: number;
  complaints: string;
  clientKey: string;
}

export interface MisPort {
  /** Candidates best first: exact identifier matches (SNILS, policy, passport) before name/birth-date matches. */
  searchPatients(query: PatientSearchQuery, scope?: { moId?: string }): Promise<{ candidates: PatientSummary[]; truncated: boolean }>;
  findPatientsByPhone(phone: string, limit: number): Promise<PatientSummary[]>;
  getPatient(patientId: string): Promise<PatientCard>;
  updatePhone(patientId: string, phone: string, smsConsent: boolean, clientKey: string): Promise<PatientCard>;

  listDistricts(): Promise<District[]>;
  listOrganisations(filter: { districtId?: string; localityId?: string; name?: string }): Promise<MedicalOrganisation[]>;
  listDepartments(moId: string): Promise<Department[]>;
  listLocalities(filter: { districtId?: string; name?: string }): Promise<Locality[]>;
  getOpeningHours(moId: string): Promise<OpeningHours>;
  /** Specialties with doctors in an MO (or anywhere); the function layer marks district vs narrow. */
  listSpecialties(filter: { moId?: string }): Promise<Specialty[]>;

  findDoctors(filter: { moId?: string; specialtyCode?: string; zoneId?: string; departmentId?: string }): Promise<Doctor[]>;
  /** Free slots of these doctors with start in [fromIso, toIso). */
  findFreeSlots(doctorIds: string[], fromIso: string, toIso: string): Promise<Slot[]>;
  /** Books atomically: a slot can never be booked twice. Same clientKey again returns the first ticket. */
  bookSlot(request: { patientId: string; slotId: string; clientKey: string; source: AppointmentSource; replacesTicketId?: string }): Promise<Ticket>;
  listTickets(patientId: string, filter: { includePast: boolean }): Promise<Ticket[]>;
  /** Cancels and frees the slot; cancelling a cancelled ticket returns it unchanged. */
  cancelTicket(request: { patientId: string; ticketId: string; clientKey: string; reason?: string }): Promise<Ticket>;
  scheduleForExport(filter: { by: ScheduleExportBy; id: string; fromIso: string; toIso: string }): Promise<ScheduleExportRow[]>;

  /** The MO and zone serving an address; not_found when no zone serves it. */
  resolveAddress(address: Address): Promise<ServiceArea>;
  /** Same clientKey again returns the first request id. */
  createHomeVisit(request: MisHomeVisit): Promise<{ requestId: string }>;
  createAppeal(appeal: Appeal): Promise<{ appealId: string }>;

  listVaccinationPoints(filter: { districtId?: string; moId?: string }): Promise<VaccinationPoint[]>;
  listVaccinationSlots(pointId: string, fromIso: string, toIso: string): Promise<VaccinationSlot[]>;
  registerVaccination(registration: VaccinationRegistration): Promise<{ registrationId: string; slot: VaccinationSlot }>;

  /** A cheap call that proves the MIS answers (health). */
  ping(): Promise<void>;
}
