import { API_ROUTES } from '@eer/contract';
import { defineHttp } from '../http/defineHttp';
import { json, operatorHandler } from '../http/handler';
import { configured, relaying } from '../telephony/scope';

/** Current announcements for the operator's start window, newest first. */
export const listAnnouncements = defineHttp('listAnnouncements', {
  methods: [API_ROUTES.listAnnouncements.method],
  authLevel: 'anonymous',
  route: API_ROUTES.listAnnouncements.route,
  handler: operatorHandler(async (scope) => json(scope, await relaying(() => configured(scope).relay.currentAnnouncements()))),
});
