/**
 * Deeply nested JSON is cheap to send and expensive to hold: JSON.stringify, structured clone
 * and every recursive walker overflow the stack on it. Ingress (webhook and API bodies) refuses
 * bodies nested deeper than this, so nothing downstream ever sees them.
 */
export const MAX_JSON_DEPTH = 100;

/** True when `value` nests arrays/objects deeper than `maxDepth` (iterative: never overflows). */
export function jsonDepthExceeds(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof current !== 'object' || current === null) continue;
    if (depth + 1 > maxDepth) return true;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}
