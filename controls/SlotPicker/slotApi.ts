import type {
  ApiBody,
  ApiQuery,
  BookingConfirmation,
  CancellationResult,
  Department,
  Locality,
  MedicalOrganisation,
  PatientCard,
  ScheduleExportQuery,
  SlotSearchResult,
  Specialty,
  Ticket,
} from '@eer/contract';
import { callApi, downloadApi, saveFile, type ApiClient, type ApiFile } from '../shared/api/client';

/** A narrow specialty of the analysts' list (Dataverse table eer_narrowspecialty), in their order. */
export interface ConfiguredSpecialty {
  code: string;
  name: string;
}

/**
 * What the slot picker needs from outside: the function-app operations of manual §4, the analysts' narrow list, and
 * the browser's save dialog. Components get this; tests pass a fake of it.
 */
export interface SlotApi {
  patient(id: string, signal: AbortSignal): Promise<PatientCard>;
  specialties(query: ApiQuery<'listSpecialties'>, signal: AbortSignal): Promise<Specialty[]>;
  search(body: ApiBody<'searchSlots'>, signal: AbortSignal): Promise<SlotSearchResult>;
  book(body: ApiBody<'book'>): Promise<BookingConfirmation>;
  tickets(patientId: string, query: ApiQuery<'listPatientTickets'>, signal: AbortSignal): Promise<Ticket[]>;
  cancel(body: ApiBody<'cancelTicket'>): Promise<CancellationResult>;
  organisations(signal: AbortSignal): Promise<MedicalOrganisation[]>;
  departments(moId: string, signal: AbortSignal): Promise<Department[]>;
  localities(signal: AbortSignal): Promise<Locality[]>;
  exportSchedule(query: ScheduleExportQuery): Promise<ApiFile>;
  /** The active rows of eer_narrowspecialty, or null when the table is empty or cannot be read (then the MIS list is used). */
  configuredNarrow(): Promise<ConfiguredSpecialty[] | null>;
  save(file: ApiFile): void;
}

export function slotApi(client: ApiClient, configuredNarrow: () => Promise<ConfiguredSpecialty[] | null>): SlotApi {
  return {
    patient: (id, signal) => callApi(client, 'getPatient', { params: { id }, signal }),
    specialties: (query, signal) => callApi(client, 'listSpecialties', { query, signal }),
    search: (body, signal) => callApi(client, 'searchSlots', { body, signal }),
    book: (body) => callApi(client, 'book', { body }),
    tickets: (id, query, signal) => callApi(client, 'listPatientTickets', { params: { id }, query, signal }),
    cancel: (body) => callApi(client, 'cancelTicket', { params: { id: body.ticketId }, body }),
    organisations: (signal) => callApi(client, 'listOrganisations', { signal }),
    departments: (moId, signal) => callApi(client, 'listDepartments', { query: { moId }, signal }),
    localities: (signal) => callApi(client, 'listLocalities', { signal }),
    exportSchedule: (query) => downloadApi(client, 'exportSchedule', { query }),
    configuredNarrow,
    save: saveFile,
  };
}

/**
 * The narrow specialties offered: the MIS's list for the patient's MO, restricted to and ordered by the analysts'
 * table when it has rows (a code the MIS does not offer cannot be booked, so it is left out).
 */
export function narrowChoices(offered: readonly Specialty[], configured: readonly ConfiguredSpecialty[] | null): Specialty[] {
  const narrow = offered.filter((s) => s.kind === 'narrow');
  if (!configured || configured.length === 0) return narrow;
  const byCode = new Map(narrow.map((s) => [s.code, s]));
  return configured.flatMap((c) => {
    const found = byCode.get(c.code);
    return found ? [{ ...found, name: c.name || found.name }] : [];
  });
}
