/**
 * Every string in a JSON-like value (plain objects and arrays, at any depth) passed through `f`.
 * Returns the value itself when `f` changed nothing, and copies only the objects on the way to a
 * changed string: the common case costs one walk and no allocation.
 */
export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((v: unknown, i) => {
      const s = mapStrings(v, f);
      if (s !== v) (copy ??= [...value])[i] = s;
    });
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === 'object' && isPlain(value)) {
    let copy: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(value)) {
      const s = mapStrings(v, f);
      if (s !== v) (copy ??= { ...(value as Record<string, unknown>) })[k] = s;
    }
    return (copy ?? value) as T;
  }
  return value;
}

/**
 * Parsed JSON, and query strings (fast-querystring's objects inherit from a prototype that has
 * none); not Buffers, Dates, Maps or streams.
 */
function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}
