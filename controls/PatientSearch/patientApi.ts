import type { ApiBody, PatientCard, PatientSearchResult, PhoneUpdateResult } from '@eer/contract';
import { callApi, type ApiClient } from '../shared/api/client';

/** The four function-app operations the patient search uses; components get this, tests a fake of it. */
export interface PatientApi {
  search(query: ApiBody<'searchPatients'>, signal: AbortSignal): Promise<PatientSearchResult>;
  /** Pre-identification: patients whose contact phone is the caller's number. */
  byPhone(phone: string, signal: AbortSignal): Promise<PatientSearchResult>;
  card(misId: string, signal: AbortSignal): Promise<PatientCard>;
  updatePhone(update: ApiBody<'updatePatientPhone'>): Promise<PhoneUpdateResult>;
}

export function patientApi(client: ApiClient): PatientApi {
  return {
    search: (body, signal) => callApi(client, 'searchPatients', { body, signal }),
    byPhone: (phone, signal) => callApi(client, 'findPatientsByPhone', { body: { phone }, signal }),
    card: (id, signal) => callApi(client, 'getPatient', { params: { id }, signal }),
    updatePhone: (body) => callApi(client, 'updatePatientPhone', { params: { id: body.patientId }, body }),
  };
}
