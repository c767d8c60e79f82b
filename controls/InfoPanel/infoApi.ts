import type { AddressResolution, ApiBody, AppealAccepted, Locality, MedicalOrganisation, OpeningHours, OutboxStatus, PatientCard } from '@eer/contract';
import { callApi, type ApiClient } from '../shared/api/client';

/** The function-app operations of the information topics; the components get this, tests a fake of it. */
export interface InfoApi {
  /** The identified patient: age (check-ups), address and phone (volunteer help). */
  patient(misId: string, signal: AbortSignal): Promise<PatientCard>;
  localities(signal: AbortSignal): Promise<Locality[]>;
  /** Organisations of a district, or of the region. */
  organisations(districtId: string | null, signal: AbortSignal): Promise<MedicalOrganisation[]>;
  hours(moId: string, signal: AbortSignal): Promise<OpeningHours>;
  /** The MO serving an address: a volunteer-help request goes to it. */
  resolve(body: ApiBody<'resolveAddress'>, signal: AbortSignal): Promise<AddressResolution>;
  createAppeal(body: ApiBody<'createAppeal'>): Promise<AppealAccepted>;
  /** What became of a volunteer request the line queued (202). */
  outbox(clientKey: string, signal: AbortSignal): Promise<OutboxStatus>;
}

export function infoApi(client: ApiClient): InfoApi {
  return {
    patient: (id, signal) => callApi(client, 'getPatient', { params: { id }, signal }),
    localities: (signal) => callApi(client, 'listLocalities', { signal }),
    organisations: (districtId, signal) => callApi(client, 'listOrganisations', { query: districtId ? { districtId } : {}, signal }),
    hours: (id, signal) => callApi(client, 'getOrganisationHours', { params: { id }, signal }),
    resolve: (body, signal) => callApi(client, 'resolveAddress', { body, signal }),
    createAppeal: (body) => callApi(client, 'createAppeal', { body }),
    outbox: (clientKey, signal) => callApi(client, 'getOutboxStatus', { params: { clientKey }, signal }),
  };
}
