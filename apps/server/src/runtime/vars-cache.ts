import type { Store } from '@shopwire/db';

/** Project variables with a short TTL: one DB read per project per second, not per execution. */
export function createVarsCache(
  store: Store,
  ttlMs = 1000,
): (projectId: string) => Promise<Record<string, string>> {
  const cache = new Map<string, { at: number; vars: Promise<Record<string, string>> }>();
  return (projectId) => {
    const hit = cache.get(projectId);
    const now = Date.now();
    if (hit && now - hit.at < ttlMs) return hit.vars;
    const vars = store.variables.asMap(projectId);
    cache.set(projectId, { at: now, vars });
    vars.catch(() => cache.delete(projectId));
    return vars;
  };
}
