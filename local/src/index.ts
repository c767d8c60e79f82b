export * from './devIdentity';
