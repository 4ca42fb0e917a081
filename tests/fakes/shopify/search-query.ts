/**
 * A small subset of Shopify's search syntax, enough for the connector's tests:
 * terms joined by spaces (AND), `field:value`, `field:>value` / `>=` / `<` / `<=`, `-field:value`
 * (NOT), quoted values, and bare words matched against the resource's text fields.
 * Unknown fields are ignored, as Shopify does (it only adds a search warning).
 */
export type FieldValue = string | number | null | undefined | string[];
export type Fields<T> = Record<string, (row: T) => FieldValue>;

interface Term {
  negate: boolean;
  field?: string;
  op: '=' | '>' | '>=' | '<' | '<=';
  value: string;
}

export function parseSearch(query: string): Term[] {
  const terms: Term[] = [];
  const re = /(-)?(?:([A-Za-z_]+):(>=|<=|>|<)?)?("(?:[^"\\]|\\.)*"|'[^']*'|\S+)/g;
  for (const m of query.matchAll(re)) {
    let value = m[4] ?? '';
    if (value.toUpperCase() === 'AND') continue;
    if (value.startsWith('"') || value.startsWith("'")) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    terms.push({
      negate: m[1] === '-',
      ...(m[2] ? { field: m[2].toLowerCase() } : {}),
      op: (m[3] as Term['op']) ?? '=',
      value,
    });
  }
  return terms;
}

function compare(actual: FieldValue, term: Term): boolean {
  if (actual === null || actual === undefined) return false;
  if (Array.isArray(actual)) return actual.some((a) => compare(a, term));
  if (term.op === '=') {
    const want = term.value.toLowerCase();
    const got = String(actual).toLowerCase();
    return want.endsWith('*') ? got.startsWith(want.slice(0, -1)) : got === want;
  }
  const a = typeof actual === 'number' ? actual : Date.parse(actual);
  const b = typeof actual === 'number' ? Number(term.value) : Date.parse(term.value);
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  if (term.op === '>') return a > b;
  if (term.op === '>=') return a >= b;
  if (term.op === '<') return a < b;
  return a <= b;
}

export function matchesSearch<T>(
  row: T,
  query: string | null | undefined,
  fields: Fields<T>,
  text: (row: T) => string,
): boolean {
  if (!query) return true;
  return parseSearch(query).every((term) => {
    let hit: boolean;
    if (!term.field) hit = text(row).toLowerCase().includes(term.value.toLowerCase());
    else {
      const get = fields[term.field];
      if (!get) return true;
      hit = compare(get(row), term);
    }
    return term.negate ? !hit : hit;
  });
}
