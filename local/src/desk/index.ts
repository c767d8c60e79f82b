/** The operator desk: `startDesk({ stack, port })` — see server.ts. */
export { startDesk, WEB_API_PATH, USER_COOKIE, APPLICATION_USER_ID, type Desk, type DeskOptions } from './server';
export { DeskStore, type Row, type StoreRelationship } from './store';
export { DataverseError } from './errors';
export { deskUsers, seedAnnouncements } from './seed';
export type { DeskBootstrap, DeskUser } from './browser/bootstrap';
