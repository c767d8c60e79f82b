import { API_ROUTES } from '@eer/contract';
import { defineHttp } from '../http/defineHttp';
import { json, operatorHandler } from '../http/handler';
import { configured, relaying } from '../telephony/scope';

/**
 * SignalR negotiate for the CallPanel: `new HubConnectionBuilder().withUrl('<functions>/api', {accessTokenFactory})`
 * posts here, gets the Azure SignalR redirect `{url, accessToken}` (user id = the operator's id) and connects to
 * the service. An operator holding no call joins the available-operators group.
 */
export const negotiate = defineHttp('negotiate', {
  methods: [API_ROUTES.negotiate.method],
  authLevel: 'anonymous',
  route: API_ROUTES.negotiate.route,
  handler: operatorHandler(async (scope) => {
    const { relay } = configured(scope);
    return json(scope, await relaying(() => relay.negotiate(scope.operator.id)));
  }),
});
