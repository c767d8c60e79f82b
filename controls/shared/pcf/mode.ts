/** What the host allows for one bound property: the control's disabled flag and column-level (field) security. */
export interface FieldMode {
  /** Nothing can be changed: the form is read-only, the control disabled, or the column not editable for this user. */
  readOnly: boolean;
  /** The user may not read the column at all (field security): show a mask, never the value. */
  masked: boolean;
}

export function fieldMode(
  context: ComponentFramework.Context<unknown>,
  property?: { security?: ComponentFramework.PropertyHelper.SecurityValues },
): FieldMode {
  const security = property?.security;
  const masked = security ? !security.readable : false;
  const notEditable = security ? !security.editable : false;
  return { readOnly: context.mode.isControlDisabled || notEditable || masked, masked };
}

/**
 * The width the form gives the control; -1 or 0 (not tracked yet) counts as wide. Microsoft's test harness passes
 * the width typed in its panel as a string, so a numeric string counts too.
 */
export function allocatedWidth(context: ComponentFramework.Context<unknown>): number {
  const width = Number(context.mode.allocatedWidth);
  return Number.isFinite(width) && width > 0 ? width : 1024;
}
