import { API_ROUTES, ClaimCallRequest, IdParams, fieldLabel, message } from '@eer/contract';
import { defineHttp } from '../http/defineHttp';
import { AppError } from '../http/errors';
import { json, operatorHandler, parseInput, readJson } from '../http/handler';
import { configured, logOf, relaying } from '../telephony/scope';

/** The first operator to claim a group call takes it; the others get `{claimed: false, operatorId: <winner>}`. */
export const claimCall = defineHttp('claimCall', {
  methods: [API_ROUTES.claimCall.method],
  authLevel: 'anonymous',
  route: API_ROUTES.claimCall.route,
  handler: operatorHandler(async (scope) => {
    const { relay } = configured(scope);
    const { id } = parseInput(scope, IdParams, scope.request.params);
    const body = await readJson(scope, ClaimCallRequest);
    if (body.telephonyCallId !== id) {
      const field = 'telephonyCallId';
      throw new AppError('validation_failed', undefined, {
        issues: [{ field, code: 'id.mismatch', message: `${fieldLabel([field], scope.lang)}: ${message('id.mismatch', scope.lang)}` }],
      });
    }
    return json(scope, await relaying(() => relay.claim(id, scope.operator.id, logOf(scope))));
  }),
});
