import { hasPathParams, requestPathSegments } from './webhook-paths.js';

/**
 * Method + path matching for webhooks. Static paths are one Map lookup (the hot path);
 * `:param` paths are compared segment by segment. Static beats param.
 */
export interface WebhookRoute<T> {
  method: string;
  /** normalized template, e.g. `orders/:id` */
  path: string;
  target: T;
}

export type RouteMatch<T> =
  | { kind: 'found'; target: T; params: Record<string, string>; path: string }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

interface ParamRoute<T> {
  path: string;
  segments: string[];
  methods: Map<string, T>;
}

export interface WebhookRouter<T> {
  add(route: WebhookRoute<T>): void;
  match(method: string, requestPath: string): RouteMatch<T>;
  routes(): WebhookRoute<T>[];
  readonly size: number;
}

export function createWebhookRouter<T>(initial: WebhookRoute<T>[] = []): WebhookRouter<T> {
  const statics = new Map<string, Map<string, T>>();
  const params = new Map<number, ParamRoute<T>[]>();
  const all: WebhookRoute<T>[] = [];

  function add(route: WebhookRoute<T>): void {
    const method = route.method.toUpperCase();
    all.push({ ...route, method });
    if (!hasPathParams(route.path)) {
      let methods = statics.get(route.path);
      if (!methods) statics.set(route.path, (methods = new Map()));
      methods.set(method, route.target);
      return;
    }
    const segments = route.path.split('/');
    let list = params.get(segments.length);
    if (!list) params.set(segments.length, (list = []));
    let entry = list.find((p) => p.path === route.path);
    if (!entry) {
      entry = { path: route.path, segments, methods: new Map() };
      list.push(entry);
      // more static segments first, so `orders/new` beats `orders/:id` among param routes too
      list.sort((a, b) => staticCount(b.segments) - staticCount(a.segments));
    }
    entry.methods.set(method, route.target);
  }

  for (const route of initial) add(route);

  return {
    add,
    get size() {
      return all.length;
    },
    routes: () => [...all],
    match(method, requestPath) {
      const upper = method.toUpperCase();
      const segments = requestPathSegments(requestPath);
      const key = segments.join('/');
      const allowed = new Set<string>();
      const methods = statics.get(key);
      if (methods) {
        const target = methods.get(upper);
        if (target !== undefined) return { kind: 'found', target, params: {}, path: key };
        for (const m of methods.keys()) allowed.add(m);
      }
      for (const route of params.get(segments.length) ?? []) {
        const values = matchSegments(route.segments, segments);
        if (!values) continue;
        const target = route.methods.get(upper);
        if (target !== undefined) return { kind: 'found', target, params: values, path: route.path };
        for (const m of route.methods.keys()) allowed.add(m);
      }
      return allowed.size > 0 ? { kind: 'method-not-allowed', allowed: [...allowed] } : { kind: 'not-found' };
    },
  };
}

function staticCount(segments: string[]): number {
  return segments.filter((s) => !s.startsWith(':')).length;
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i] as string;
    const a = actual[i] as string;
    if (t.startsWith(':')) values[t.slice(1)] = a;
    else if (t !== a) return undefined;
  }
  return values;
}
