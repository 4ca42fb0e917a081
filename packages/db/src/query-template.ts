import type { Compilable } from 'kysely';
import type { BoundQuery } from './dialect/connection.js';

const MARK = '\u0000sw-param:';

/** A named placeholder for a query template; typed as `any` so it fits every column. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function param(name: string): any {
  return MARK + name;
}

/**
 * A query compiled once (by Kysely, in the active dialect) and re-bound with new parameters on
 * every call. Hot paths use it to skip building and compiling the query each time.
 */
export class QueryTemplate<P extends string = string> {
  readonly sql: string;
  readonly #slots: ({ name: P } | { value: unknown })[];

  constructor(query: Compilable) {
    const compiled = query.compile();
    this.sql = compiled.sql;
    this.#slots = compiled.parameters.map((value) =>
      typeof value === 'string' && value.startsWith(MARK)
        ? { name: value.slice(MARK.length) as P }
        : { value },
    );
  }

  bind(params: Record<P, unknown>): BoundQuery {
    const values = this.#slots.map((slot) => {
      const value = 'name' in slot ? params[slot.name] : slot.value;
      return value === undefined ? null : value;
    });
    return { sql: this.sql, parameters: values };
  }
}
