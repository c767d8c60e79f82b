export { startSandboxMis, FHIR_PATH, FAULTS_PATH, type SandboxMis, type SandboxMisOptions } from './server';
export { FaultSwitch, NO_FAULTS, type Faults } from './faults';
export { FIXTURE_PATIENTS, FIXTURE_TICKET_ID, type FixturePatient } from './seed/fixtures';
export * as sandboxFhirModel from './fhirModel';
