/**
 * Identifier systems, code systems and extension URLs of the sandbox MIS (see README.md, "FHIR model"). They are the
 * FHIR adapter's (integration-functions/src/mis/fhir/systems.ts): the sandbox stands in for the MIS the adapter
 * talks to, so it publishes exactly what the adapter reads. @eer/local depends on @eer/integration-functions
 * (package.json, tsconfig reference); node loads the built file, jest maps it to the source.
 */
export * from '@eer/integration-functions/dist/src/mis/fhir/systems';
