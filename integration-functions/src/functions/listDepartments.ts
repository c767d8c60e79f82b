import { AppError } from '../http/errors';
import { defineRoute, fieldIssue } from '../api/defineRoute';
import { mis } from '../api/mis';

/** Departments (поликлинические отделения) of a medical organisation; the MIS lists them per MO. */
export const listDepartments = defineRoute('listDepartments', async ({ query }, scope) => {
  if (query.moId === undefined) throw new AppError('validation_failed', undefined, { issues: [fieldIssue(scope, 'moId', 'required')] });
  return mis().listDepartments(query.moId);
});
