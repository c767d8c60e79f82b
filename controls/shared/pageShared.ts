/**
 * One object per page, shared by every control on it. Each control's bundle.js carries its own copy of the shared
 * modules, so a module-level variable is per control; the window is what seven controls on one form have in common.
 * Keys carry a version (`msal:v1:<clientId>`): a form can mix controls built from different releases.
 */
type Registry = Record<string, unknown>;

function registry(): Registry {
  const page = globalThis as unknown as { __eer122Shared?: Registry };
  if (!page.__eer122Shared) page.__eer122Shared = {};
  return page.__eer122Shared;
}

export function pageShared<T>(key: string, create: () => T): T {
  const shared = registry();
  if (!Object.prototype.hasOwnProperty.call(shared, key)) shared[key] = create();
  return shared[key] as T;
}

/** Drops the shared objects whose key starts with `prefix` (a failed load to retry; tests). */
export function forgetPageShared(prefix = ''): void {
  const shared = registry();
  for (const key of Object.keys(shared)) if (key.startsWith(prefix)) delete shared[key];
}
