/** Reads a control's resx strings once per render; a missing key shows as the key itself so it is noticed. */
export type Strings<K extends string> = Record<K, string>;

export function readStrings<K extends string>(
  resources: ComponentFramework.Resources,
  keys: readonly K[],
): Strings<K> {
  const out = {} as Strings<K>;
  for (const key of keys) {
    const value = resources.getString(key);
    out[key] = value && value.length > 0 ? value : key;
  }
  return out;
}

/** Replaces {0}, {1}, … in a resx string. */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const value = args[Number(i)];
    return value === undefined ? whole : String(value);
  });
}
