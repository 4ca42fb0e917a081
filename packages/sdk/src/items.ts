/** JSON-compatible values: everything that crosses the sandbox, the store or a queue is one of these. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A reference to binary data kept outside the item (base64 inline for small payloads). */
export interface BinaryData {
  mimeType: string;
  fileName?: string;
  /** base64 payload */
  data: string;
  size: number;
}

/** The unit of data that flows between nodes. */
export interface Item {
  json: JsonObject;
  binary?: Record<string, BinaryData>;
  /** index of the input item this item came from (lineage for `$('Node').item`) */
  pairedItem?: number;
}

/** Items per named output, e.g. `{ main: [...] }`, `{ true: [...], false: [...] }`. */
export type OutputItems = Record<string, Item[]>;

export function toItems(values: JsonObject[]): Item[] {
  return values.map((json) => ({ json }));
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
