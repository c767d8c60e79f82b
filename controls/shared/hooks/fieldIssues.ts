/** Field messages from the contract's issues (validate) or an API error's `issues`, one per field, the first wins. */
export type FieldIssues<F extends string> = Partial<Record<F, string>>;

/** The text of an issue without its «Label: » prefix: the field already shows its label. */
export function issueText(text: string): string {
  const at = text.indexOf(': ');
  return at >= 0 ? text.slice(at + 2) : text;
}

/** The issues of the form's own fields (by the first segment of the issue's path), in the operator's words. */
export function issuesOf<F extends string>(list: ReadonlyArray<{ field: string; message: string }>, fields: readonly F[]): FieldIssues<F> {
  const found: FieldIssues<F> = {};
  for (const issue of list) {
    const head = (issue.field.split('.')[0] ?? '') as F;
    if (fields.includes(head) && found[head] === undefined) found[head] = issueText(issue.message);
  }
  return found;
}
