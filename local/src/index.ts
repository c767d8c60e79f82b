export * from './devIdentity';
export * from './stack';
