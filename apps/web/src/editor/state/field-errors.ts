/**
 * Validation errors shown ON fields: from the server (400 with `field: nodes.3.params.url`, mapped to
 * the node id) and from expression previews. Keyed by node id, then param path (`url`, `fields.0.value`).
 */
export class FieldErrorStore {
  private map = new Map<string, ReadonlyMap<string, string>>();
  private listeners = new Set<() => void>();
  private version = 0;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  getVersion = (): number => this.version;

  forNode(nodeId: string): ReadonlyMap<string, string> | undefined {
    return this.map.get(nodeId);
  }

  set(nodeId: string, path: string, message: string | undefined): void {
    const current = this.map.get(nodeId);
    if ((current?.get(path) ?? undefined) === message) return;
    const next = new Map(current);
    if (message === undefined) next.delete(path);
    else next.set(path, message);
    this.map.set(nodeId, next);
    this.emit();
  }

  clear(): void {
    if (this.map.size === 0) return;
    this.map = new Map();
    this.emit();
  }

  private emit(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}

/** `nodes.3.params.fields.0.value` → { index: 3, path: 'fields.0.value' } */
export function parseServerField(field: string): { index: number; path: string } | undefined {
  const m = /^(?:document\.)?nodes\.(\d+)\.(?:params\.)?(.*)$/.exec(field);
  if (!m) return undefined;
  return { index: Number(m[1]), path: m[2] ?? '' };
}
