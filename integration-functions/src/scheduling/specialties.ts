/**
 * District versus narrow specialties (manual §4): the district doctor is the therapist or the pediatrician by the
 * patient's age, or the general practitioner (ВОП) where the patient's zone has one; narrow specialties are a
 * configurable list (app setting EER_NARROW_SPECIALTIES, default the contract's DEFAULT_NARROW_SPECIALTIES).
 */
import {
  DISTRICT_SPECIALTIES,
  districtDoctorKind,
  type Doctor,
  type PatientCard,
  type Specialty,
  type SpecialtyKind,
} from '@eer/contract';
import type { MisPort } from '../mis/MisPort';

const DISTRICT_CODES: ReadonlySet<string> = new Set(DISTRICT_SPECIALTIES.map((s) => s.code));

export function isDistrictSpecialty(code: string): boolean {
  return DISTRICT_CODES.has(code);
}

/**
 * Whether the patient's zone is served by a general practitioner: the zone type says so (N3 AreaType ВОП), or —
 * when the MIS gives no type — a general practitioner serves that zone.
 */
async function zoneHasGeneralPractitioner(mis: MisPort, patient: PatientCard): Promise<boolean> {
  const attachment = patient.attachment;
  if (!attachment?.zoneId) return false;
  if (attachment.areaType !== undefined) return attachment.areaType === 'general_practice';
  const gps = await mis.findDoctors({ moId: attachment.moId, zoneId: attachment.zoneId, specialtyCode: 'general_practitioner' });
  return gps.length > 0;
}

/** The patient's district specialty (contract `districtDoctorKind`). */
export async function districtSpecialtyOf(mis: MisPort, patient: PatientCard): Promise<Specialty> {
  const kind = districtDoctorKind(patient.age, await zoneHasGeneralPractitioner(mis, patient));
  const specialty = DISTRICT_SPECIALTIES.find((s) => s.code === kind)!;
  return { code: specialty.code, name: specialty.name, kind: 'district' };
}

/**
 * The list an operator picks from. With a patient: their one district specialty, and the narrow ones offered in
 * the MO (theirs unless another is given). Without: the district and narrow specialties the MO (or the region) has
 * doctors for. Narrow ones in the configured order, named as the MIS names them.
 */
export async function specialtiesFor(
  mis: MisPort,
  query: { moId?: string; kind?: SpecialtyKind },
  patient: PatientCard | undefined,
  narrowCodes: readonly string[],
): Promise<Specialty[]> {
  const moId = query.moId ?? patient?.attachment?.moId;
  const [offered, district] = await Promise.all([
    mis.listSpecialties({ moId }),
    patient && query.kind !== 'narrow' ? districtSpecialtyOf(mis, patient) : Promise.resolve(undefined),
  ]);
  const byCode = new Map(offered.map((s) => [s.code, s]));
  const out: Specialty[] = [];
  if (query.kind !== 'narrow') {
    if (district) out.push(district);
    else for (const s of DISTRICT_SPECIALTIES) if (byCode.has(s.code)) out.push({ code: s.code, name: byCode.get(s.code)!.name, kind: 'district' });
  }
  if (query.kind !== 'district') {
    for (const code of narrowCodes) {
      const found = byCode.get(code);
      if (found && !isDistrictSpecialty(code)) out.push({ code, name: found.name, kind: 'narrow' });
    }
  }
  return out;
}

/**
 * Doctors for a booking: for a district specialty and a patient, the doctors of the patient's zone (the «Ресурс» of
 * fig. 9), falling back to the MO's when the zone has none (a vacant zone); otherwise the MO's or the region's.
 */
export async function doctorsFor(
  mis: MisPort,
  query: { moId?: string; specialtyCode?: string },
  patient: PatientCard | undefined,
): Promise<Doctor[]> {
  const moId = query.moId ?? patient?.attachment?.moId;
  const zoneId = patient?.attachment?.zoneId;
  const ownMo = moId !== undefined && moId === patient?.attachment?.moId;
  if (query.specialtyCode && isDistrictSpecialty(query.specialtyCode) && zoneId && ownMo) {
    const ofZone = await mis.findDoctors({ moId, specialtyCode: query.specialtyCode, zoneId });
    if (ofZone.length > 0) return ofZone;
  }
  return mis.findDoctors({ moId, specialtyCode: query.specialtyCode });
}
