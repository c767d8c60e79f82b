import { AppError } from '../http/errors';
import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';
import { now } from '../config';
import { availability, outsideHoursMessage } from '../scheduling/hours';
import { homeVisitMail } from '../notifications/homeVisitMail';
import { trySendMail } from '../notifications/mailer';

/**
 * A home-visit request (manual §5): the serving MO is resolved again from the address, the request is taken only
 * within the MO's accepting hours (else 422 outside_hours saying when it opens), goes to the MIS, and after the
 * MIS accepted it a notice is mailed to the MO.
 */
export const createHomeVisit = defineRoute('createHomeVisit', async ({ body }, scope) => {
  const port = mis();
  const area = await port.resolveAddress(body.address);
  const at = now();
  const open = availability(area.homeVisitHours, at);
  if (!open.acceptingNow) {
    scope.context.log(`home visit refused outside hours mo=${area.moId}`);
    throw new AppError('outside_hours', outsideHoursMessage(area.moName, open.nextOpensAt, scope.lang));
  }
  const { requestId } = await port.createHomeVisit({
    patientId: body.patientId,
    moId: area.moId,
    zoneId: area.zoneId,
    address: body.address,
    intercomCode: body.intercomCode || undefined,
    phone: body.phone,
    temperature: body.temperature,
    complaints: body.complaints,
    clientKey: body.clientKey,
  });
  scope.context.log(`home visit accepted request=${requestId} mo=${area.moId}`);
  const emailSent = area.moEmail
    ? await trySendMail(
        homeVisitMail({ to: area.moEmail, requestId, moName: area.moName, zoneName: area.zoneName, request: body, acceptedAt: at }),
        (l) => scope.context.log(l),
      )
    : false;
  if (!area.moEmail) scope.context.log(`home visit request=${requestId}: the MO has no e-mail address`);
  return { requestId, moId: area.moId, moName: area.moName, status: emailSent ? ('delivered' as const) : ('accepted' as const), emailSent };
});
