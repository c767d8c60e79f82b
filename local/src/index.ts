export * from './devIdentity';
export * from './stack';
export * from './signalr/service';
export * from './sandboxMis';
export * from './storage/azurite';
export { buildRegion } from './sandboxMis/seed/seed';
export * from './desk';
export { signature as telephonySignature } from './callSimulator';
