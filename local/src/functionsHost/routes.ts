/** Matches Azure Functions route templates (`patients/{id}`, `{id:int}`, `{id?}`, `{*rest}`) against a path. */
export interface CompiledRoute {
  template: string;
  match(path: string): Record<string, string> | null;
}

const CONSTRAINTS: Record<string, string> = {
  int: '-?\\d+',
  long: '-?\\d+',
  guid: '[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}',
  alpha: '[A-Za-z]+',
  bool: 'true|false',
};

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compileRoute(template: string): CompiledRoute {
  const segments = template.replace(/^\/+|\/+$/g, '').split('/').filter(Boolean);
  const names: string[] = [];
  let pattern = '';
  for (const segment of segments) {
    const param = /^\{(\*)?([A-Za-z_][A-Za-z0-9_]*)(?::([a-z]+))?(\?)?\}$/.exec(segment);
    if (!param) {
      pattern += `/${escapeRegex(segment)}`;
      continue;
    }
    const [, catchAll, name, constraint, optional] = param;
    names.push(name!);
    const inner = catchAll ? '.*' : (constraint && CONSTRAINTS[constraint]) || '[^/]+';
    pattern += optional || catchAll ? `(?:/(${inner}))?` : `/(${inner})`;
  }
  const regex = new RegExp(`^${pattern}/?$`, 'i');
  return {
    template,
    match(path) {
      const m = regex.exec(path);
      if (!m) return null;
      const params: Record<string, string> = {};
      try {
        names.forEach((name, i) => {
          const value = m[i + 1];
          if (value !== undefined) params[name] = decodeURIComponent(value);
        });
      } catch {
        // Malformed percent-encoding (`%=`): no function answers such a path (thrown here, it would stop the host).
        return null;
      }
      return params;
    },
  };
}
