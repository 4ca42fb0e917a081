/**
 * Deletions after which a ChurnMap moves its entries to a fresh Map (at least; see `delete`).
 * Measured with a 30-entry map churned like the server's: 64 and 1,024 both keep the young
 * generation's survivors at the level of a plain array.
 */
const RENEW_AFTER_DELETES = 64;

/**
 * A Map for a long-lived object whose keys come and go all the time (one per execution, say).
 *
 * Why not a plain Map: V8 links each hash table a Map outgrows or clears to the table that
 * replaces it (live iterators follow the link). Once one table of that chain has reached the old
 * generation, the young-generation GC treats it as alive until the next full GC, so every value
 * that passed through the Map since is copied and promoted instead of dying young. In the server
 * that kept every finished execution alive until the next full GC: ~2 MB promoted per scavenge
 * whatever the load. This one moves its entries to a new Map every RENEW_AFTER_DELETES deletions
 * (or every `size` deletions, whichever is more, so renewing stays O(1) per delete), which cuts the
 * chain before it can grow old.
 *
 * Same behaviour as a Map, except that entries added while a `for...of` over it runs may not be
 * visited by that loop.
 */
export class ChurnMap<K, V> implements Iterable<[K, V]> {
  #map = new Map<K, V>();
  #deletes = 0;

  get size(): number {
    return this.#map.size;
  }

  get(key: K): V | undefined {
    return this.#map.get(key);
  }

  has(key: K): boolean {
    return this.#map.has(key);
  }

  set(key: K, value: V): this {
    this.#map.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    if (!this.#map.delete(key)) return false;
    this.#deletes += 1;
    if (this.#deletes >= Math.max(RENEW_AFTER_DELETES, this.#map.size)) {
      this.#map = new Map(this.#map);
      this.#deletes = 0;
    }
    return true;
  }

  clear(): void {
    // a new Map, not clear(): clear() links the old table to the new one too
    this.#map = new Map();
    this.#deletes = 0;
  }

  keys(): IterableIterator<K> {
    return this.#map.keys();
  }

  values(): IterableIterator<V> {
    return this.#map.values();
  }

  entries(): IterableIterator<[K, V]> {
    return this.#map.entries();
  }

  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.#map.entries();
  }
}
