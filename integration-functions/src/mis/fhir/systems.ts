/**
 * Identifier systems, code systems and extension URLs the FHIR adapter relies on (the FHIR model is documented in
 * local/src/sandboxMis/README.md). SNILS, OMS and identity documents follow the Russian core profile (RuCore); the
 * rest are the MIS's own URNs. The one list: the sandbox MIS (@eer/local, local/src/sandboxMis/fhirModel.ts) imports
 * it from here, because deployed code must never depend on the local stand-ins.
 */

export const SNILS_SYSTEM = 'https://fhir.ru/ig/core/systems/snils';
export const OMS_SYSTEM = 'https://fhir.ru/ig/core/systems/oms';
export const IDENTITY_DOCUMENT_SYSTEM = 'https://fhir.ru/ig/core/systems/identity-document';
/** Identifier.type of a passport: НСИ «Документы, удостоверяющие личность». */
export const IDENTITY_DOCUMENT_TYPE_SYSTEM = 'https://fhir.ru/ig/core/CodeSystem/core-cs-nsi-identity-document';
/** НСИ «Документы, удостоверяющие личность»: 1 — passport of the Russian Federation. */
export const PASSPORT_TYPE_CODE = '1';
export const FIAS_HOUSE_SYSTEM = 'urn:hl7-ru:fias:houseguid';
/** RuCore address extension: sub-extensions `aoguid` and `houseguid`. */
export const FIAS_EXTENSION = 'https://fhir.ru/ig/core/StructureDefinition/fias';

/** Systems of the MIS itself (project-local URNs). */
const LOCAL = 'urn:eer122:fhir';
export const ORGANIZATION_KIND_SYSTEM = `${LOCAL}:organization-kind`;
export const LOCATION_KIND_SYSTEM = `${LOCAL}:location-kind`;
export const SERVICE_KIND_SYSTEM = `${LOCAL}:service-kind`;
export const SPECIALTY_SYSTEM = `${LOCAL}:specialty`;
export const AREA_TYPE_SYSTEM = `${LOCAL}:area-type`;
export const APPOINTMENT_SOURCE_SYSTEM = `${LOCAL}:appointment-source`;
export const VACCINE_SYSTEM = `${LOCAL}:vaccine`;
export const APPEAL_KIND_SYSTEM = `${LOCAL}:appeal-kind`;
export const APPEAL_TOPIC_SYSTEM = `${LOCAL}:appeal-topic`;
export const OKATO_SYSTEM = `${LOCAL}:okato`;
/** Client keys of writes: the same key again finds the first resource (idempotency). */
export const CLIENT_KEY_SYSTEM = `${LOCAL}:client-key`;

export const EXT = {
  smsConsent: `${LOCAL}:ext:sms-consent`,
  attachmentZone: `${LOCAL}:ext:attachment-zone`,
  attachmentAreaType: `${LOCAL}:ext:attachment-area-type`,
  department: `${LOCAL}:ext:department`,
  room: `${LOCAL}:ext:room`,
  heldBy: `${LOCAL}:ext:held-by`,
  appointmentSource: `${LOCAL}:ext:appointment-source`,
  replaces: `${LOCAL}:ext:replaces`,
  intercom: `${LOCAL}:ext:intercom`,
  temperature: `${LOCAL}:ext:temperature`,
  contactPhone: `${LOCAL}:ext:contact-phone`,
  visitAddress: `${LOCAL}:ext:visit-address`,
  reviewCertificate: `${LOCAL}:ext:review-certificate`,
  dose: `${LOCAL}:ext:dose`,
  employer: `${LOCAL}:ext:employer`,
  position: `${LOCAL}:ext:position`,
  /** SMART Scheduling Links: people per slot. */
  slotCapacity: 'http://fhir-registry.smarthealthit.org/StructureDefinition/slot-capacity',
} as const;

export const ORGANIZATION_KIND = { district: 'district', mo: 'mo', department: 'department' } as const;
export const LOCATION_KIND = {
  locality: 'locality',
  moMain: 'mo-main',
  zone: 'zone',
  building: 'building',
  vaccinationPoint: 'vaccination-point',
} as const;
export const SERVICE_KIND = { homeVisit: 'home-visit', immunization: 'immunization' } as const;
