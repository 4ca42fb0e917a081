/**
 * Deeply nested JSON is cheap to send and expensive to hold: JSON.stringify, structured clone
 * and every recursive walker overflow the stack on it. Ingress (webhook and API bodies) refuses
 * bodies nested deeper than this, so nothing downstream ever sees them.
 */
export const MAX_JSON_DEPTH = 100;

/** True when `value` nests arrays/objects deeper than `maxDepth` (iterative: never overflows). */
export function jsonDepthExceeds(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
  // two parallel stacks, no wrapper object per node: bodies hold thousands of order lines
  const values: object[] = [];
  const depths: number[] = [];
  if (typeof value === 'object' && value !== null) {
    values.push(value);
    depths.push(1);
  }
  while (values.length > 0) {
    const current = values.pop() as object;
    const depth = depths.pop() as number;
    if (depth > maxDepth) return true;
    if (Array.isArray(current)) {
      for (const child of current as unknown[]) {
        if (typeof child === 'object' && child !== null) {
          values.push(child);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const key in current) {
        if (!Object.prototype.hasOwnProperty.call(current, key)) continue;
        const child: unknown = (current as Record<string, unknown>)[key];
        if (typeof child === 'object' && child !== null) {
          values.push(child);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}
