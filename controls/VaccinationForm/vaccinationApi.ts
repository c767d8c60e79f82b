import type { ApiBody, MedicalOrganisation, OutboxStatus, VaccinationAccepted, VaccinationPoint, VaccinationSlot } from '@eer/contract';
import { callApi, type ApiClient } from '../shared/api/client';

/** The function-app operations of the vaccination booking; the component gets this, tests a fake of it. */
export interface VaccinationApi {
  /** Employers: the region's medical organisations. */
  organisations(signal: AbortSignal): Promise<MedicalOrganisation[]>;
  points(signal: AbortSignal): Promise<VaccinationPoint[]>;
  /** Free slots of a point, `from`..`to` (region dates, both included, at most 31 days). */
  slots(pointId: string, from: string, to: string, signal: AbortSignal): Promise<VaccinationSlot[]>;
  register(body: ApiBody<'registerVaccination'>): Promise<VaccinationAccepted>;
  /** The confirmation SMS the line queued under the registration's client key (when it did not go out at once). */
  outbox(clientKey: string, signal: AbortSignal): Promise<OutboxStatus>;
}

export function vaccinationApi(client: ApiClient): VaccinationApi {
  return {
    organisations: (signal) => callApi(client, 'listOrganisations', { signal }),
    points: (signal) => callApi(client, 'listVaccinationPoints', { signal }),
    slots: (pointId, from, to, signal) => callApi(client, 'listVaccinationSlots', { query: { pointId, from, to }, signal }),
    register: (body) => callApi(client, 'registerVaccination', { body }),
    outbox: (clientKey, signal) => callApi(client, 'getOutboxStatus', { params: { clientKey }, signal }),
  };
}
