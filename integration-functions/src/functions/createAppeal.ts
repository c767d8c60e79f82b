import { defineRoute } from '../api/defineRoute';
import { mis } from '../api/mis';

/** An appeal or complaint about a medical organisation (manual §6), registered in the MIS. */
export const createAppeal = defineRoute('createAppeal', async ({ body }, scope) => {
  const { appealId } = await mis().createAppeal(body);
  scope.context.log(`appeal accepted appeal=${appealId} kind=${body.kind} topic=${body.topic} mo=${body.moId}`);
  return { appealId, status: 'accepted' as const };
});
