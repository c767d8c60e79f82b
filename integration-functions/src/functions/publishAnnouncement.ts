import { API_ROUTES, AnnouncementDraft } from '@eer/contract';
import { defineHttp } from '../http/defineHttp';
import { AppError } from '../http/errors';
import { json, operatorHandler, readJson } from '../http/handler';
import { configured, relaying } from '../telephony/scope';

/** A supervisor publishes an announcement: stored for the start window and pushed to every connected operator. */
export const publishAnnouncement = defineHttp('publishAnnouncement', {
  methods: [API_ROUTES.publishAnnouncement.method],
  authLevel: 'anonymous',
  route: API_ROUTES.publishAnnouncement.route,
  handler: operatorHandler(async (scope) => {
    const { relay, settings } = configured(scope);
    if (!scope.operator.roles.includes(settings.publisherRole)) throw new AppError('forbidden', undefined, { field: 'authorization' });
    const draft = await readJson(scope, AnnouncementDraft);
    return json(scope, await relaying(() => relay.publishAnnouncement(draft)), 201);
  }),
});
