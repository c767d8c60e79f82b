// The shared contract of EER 122: schemas and inferred types, identifier rules, error codes, messages.
export * from './messages';
export * from './identifiers';
export * from './errors';
export * from './address';
export * from './ivr';
export * from './reference';
export * from './patient';
export * from './scheduling';
export * from './homeVisit';
export * from './appeal';
export * from './vaccination';
export * from './sms';
export * from './outbox';
export * from './call';
export * from './telephony';
export * from './api';
export * from './dataverse';
