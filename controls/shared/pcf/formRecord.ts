/**
 * The record the form shows, from `context.mode.contextInfo` (set by model-driven forms, absent in the test harness
 * and not in the PCF typings): a control links what it creates to it. Null when the form is of another table.
 */
interface ContextInfo {
  entityId?: string;
  entityTypeName?: string;
}

export function formRecordId(context: ComponentFramework.Context<unknown>, table: string): string | null {
  const info = (context.mode as unknown as { contextInfo?: ContextInfo }).contextInfo;
  if (!info?.entityId || info.entityTypeName !== table) return null;
  const id = info.entityId.replace(/[{}]/g, '');
  return id.length > 0 ? id : null;
}
