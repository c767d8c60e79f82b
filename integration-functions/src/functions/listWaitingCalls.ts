import { API_ROUTES } from '@eer/contract';
import { defineHttp } from '../http/defineHttp';
import { json, operatorHandler } from '../http/handler';
import { configured, relaying } from '../telephony/scope';

/**
 * Calls still waiting for this operator. The CallPanel reads it after every (re)connect, so an offer pushed while
 * its connection was down is not lost.
 */
export const listWaitingCalls = defineHttp('listWaitingCalls', {
  methods: [API_ROUTES.listWaitingCalls.method],
  authLevel: 'anonymous',
  route: API_ROUTES.listWaitingCalls.route,
  handler: operatorHandler(async (scope) => json(scope, await relaying(() => configured(scope).relay.waitingCalls(scope.operator.id)))),
});
