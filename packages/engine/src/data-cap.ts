import { START_ITEMS_REF, itemsJson, stepListRef, type Item, type OutputItems } from '@shopwire/sdk';

/** Bytes kept per truncated item list: enough to preview in the editor. */
const PREVIEW_BYTES = 4096;
const PREVIEW_ITEMS = 10;

// eslint-disable-next-line no-control-regex -- any byte above ASCII needs the slow UTF-8 count
const NON_ASCII = /[^\x00-\x7f]/;

/** UTF-8 length of a string without encoding it. */
export function utf8Length(text: string): number {
  // step data is nearly always ASCII JSON: one native scan instead of a loop over every char
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value));
}

function itemBytes(item: Item): number {
  return jsonBytes(item);
}

/** First items of a list that fit the preview budget, then a marker item saying what was cut. */
function cutList(items: Item[]): Item[] {
  const kept: Item[] = [];
  let used = 0;
  for (const item of items) {
    if (kept.length >= PREVIEW_ITEMS) break;
    const size = itemBytes(item);
    if (used + size > PREVIEW_BYTES) break;
    kept.push(item);
    used += size;
  }
  if (kept.length === items.length) return items;
  return [...kept, { json: { __truncated: true, omittedItems: items.length - kept.length } }];
}

export function cutInputs(input: Item[][]): Item[][] {
  return input.map(cutList);
}

export function cutOutputs(output: OutputItems): OutputItems {
  const out: OutputItems = {};
  for (const [name, items] of Object.entries(output)) out[name] = cutList(items);
  return out;
}

/**
 * Per-execution budget for stored step data. A step whose data would not fit is stored cut
 * (viewable, not replayable); the execution itself keeps the full items in memory.
 */
export class DataBudget {
  used = 0;
  truncated = false;
  constructor(readonly max: number) {}

  /**
   * Returns what to store: the data itself when it fits (no copy), or a cut version, with its
   * JSON text (`encode`; measured from that text, so it is serialized once).
   */
  fit<T extends Item[][] | OutputItems>(
    data: T,
    cut: (data: T) => T,
    encode: (data: T) => string = JSON.stringify,
  ): { data: T; truncated: boolean; json: string } {
    const json = encode(data);
    const size = utf8Length(json);
    if (this.used + size <= this.max) {
      this.used += size;
      return { data, truncated: false, json };
    }
    const small = cut(data);
    const smallJson = JSON.stringify(small);
    this.used += utf8Length(smallJson);
    this.truncated = true;
    return { data: small, truncated: true, json: smallJson };
  }
}

/**
 * JSON text of one execution's step data. Item lists flow between nodes by reference (a node's
 * output list IS its successor's input), so a list that an earlier step stored whole as its
 * output is written as a reference to it (see @shopwire/sdk step-list-refs): as an input, or as
 * the output of a node that passes on what it was given; the execution's start items point at the
 * store's copy of them. An input list that was stored cut reuses the output's text. This relies on nodes never changing the items they are given
 * (@shopwire/testing freezes them, so a node that does fails its own tests).
 */
export class StepEncoder {
  private readonly lists = new WeakMap<Item[], string>();
  private readonly refs = new WeakMap<Item[], string>();

  /** `startItems`: the execution's, which the journal's store keeps with the execution */
  constructor(startItems?: Item[]) {
    if (startItems && startItems.length > 0) this.refs.set(startItems, JSON.stringify(START_ITEMS_REF));
  }

  inputs(input: Item[][]): string {
    const parts = input.map((items) => this.refs.get(items) ?? this.lists.get(items) ?? itemsJson(items));
    return `[${parts.join(',')}]`;
  }

  /**
   * `output` of this node run was stored whole: later lists that are its lists point at it. A
   * list passed on keeps pointing at where its items are, so references never chain.
   */
  storedWhole(output: OutputItems, nodeId: string, runIndex: number): void {
    for (const [name, items] of Object.entries(output)) {
      // an empty list is shorter than a reference to it
      if (Array.isArray(items) && items.length > 0 && !this.refs.has(items))
        this.refs.set(items, JSON.stringify(stepListRef(nodeId, runIndex, name)));
    }
  }

  outputs(output: OutputItems): string {
    const parts: string[] = [];
    for (const [name, items] of Object.entries(output)) {
      if (!Array.isArray(items)) return JSON.stringify(output);
      let text = this.refs.get(items);
      if (text === undefined) {
        text = itemsJson(items);
        this.lists.set(items, text);
      }
      parts.push(`${JSON.stringify(name)}:${text}`);
    }
    return `{${parts.join(',')}}`;
  }
}
