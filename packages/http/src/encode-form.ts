/**
 * application/x-www-form-urlencoded encoding with nested keys the way Stripe (and PHP/Rails)
 * read them: `{ a: { b: [{ c: 1 }] } }` → `a[b][0][c]=1`. `undefined` values are skipped,
 * `null` becomes an empty value (Stripe's way to unset a field).
 */
export function encodeForm(data: Record<string, unknown>): string {
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(data)) appendValue(pairs, key, value);
  const params = new URLSearchParams();
  for (const [key, value] of pairs) params.append(key, value);
  return params.toString();
}

function appendValue(pairs: [string, string][], key: string, value: unknown): void {
  if (value === undefined) return;
  if (value === null) {
    pairs.push([key, '']);
  } else if (Array.isArray(value)) {
    value.forEach((entry, index) => appendValue(pairs, `${key}[${index}]`, entry));
  } else if (value instanceof Date) {
    pairs.push([key, value.toISOString()]);
  } else if (typeof value === 'object') {
    for (const [child, entry] of Object.entries(value as Record<string, unknown>)) {
      appendValue(pairs, `${key}[${child}]`, entry);
    }
  } else {
    pairs.push([key, String(value)]);
  }
}
