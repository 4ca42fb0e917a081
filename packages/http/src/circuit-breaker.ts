/**
 * A per-key (target origin) circuit breaker: after `failureThreshold` consecutive network failures
 * the circuit opens and calls fail fast for `cooldownMs`; then one probe call may go (half-open):
 * its success closes the circuit, its failure opens it again. Lives in one client instance (one
 * process): it spares a dead host the connection attempts, it does not coordinate processes.
 */
export interface CircuitBreakerOptions {
  /** consecutive network failures that open a circuit; default 5 */
  failureThreshold?: number;
  /** how long an open circuit refuses calls before one probe may go; default 30 000 ms */
  cooldownMs?: number;
  /** injectable clock (tests); default Date.now */
  now?: () => number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

interface Circuit {
  failures: number;
  /** set while open (and half-open): when it last opened */
  openedAt?: number;
  /** set while a half-open probe is in flight */
  probeSince?: number;
}

/** Distinct failing origins remembered at most (healthy ones are not kept at all). */
const MAX_CIRCUITS = 10_000;

export class CircuitBreaker {
  readonly failureThreshold: number;
  readonly cooldownMs: number;
  private readonly now: () => number;
  private readonly circuits = new Map<string, Circuit>();

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = Math.max(1, options.failureThreshold ?? 5);
    this.cooldownMs = Math.max(0, options.cooldownMs ?? 30_000);
    this.now = options.now ?? Date.now;
  }

  state(key: string): CircuitState {
    const circuit = this.circuits.get(key);
    if (circuit?.openedAt === undefined) return 'closed';
    return this.now() - circuit.openedAt < this.cooldownMs ? 'open' : 'half-open';
  }

  /** May a call to `key` go out now? In half-open state this grants the one probe. */
  acquire(key: string): boolean {
    const circuit = this.circuits.get(key);
    if (circuit?.openedAt === undefined) return true;
    const now = this.now();
    if (now - circuit.openedAt < this.cooldownMs) return false;
    // a probe that never reported back (its caller vanished) does not block the circuit forever
    if (circuit.probeSince !== undefined && now - circuit.probeSince < this.cooldownMs) return false;
    circuit.probeSince = now;
    return true;
  }

  /** Milliseconds until an open circuit lets a probe through (0 when it would now). */
  retryInMs(key: string): number {
    const openedAt = this.circuits.get(key)?.openedAt;
    return openedAt === undefined ? 0 : Math.max(0, openedAt + this.cooldownMs - this.now());
  }

  /** The host answered (any HTTP status): the circuit closes. */
  success(key: string): void {
    this.circuits.delete(key);
  }

  /** A network failure: counts towards opening; a failed probe re-opens at once. */
  failure(key: string): void {
    let circuit = this.circuits.get(key);
    if (!circuit) {
      if (this.circuits.size >= MAX_CIRCUITS) {
        const oldest = this.circuits.keys().next().value;
        if (oldest !== undefined) this.circuits.delete(oldest);
      }
      circuit = { failures: 0 };
      this.circuits.set(key, circuit);
    }
    circuit.failures += 1;
    const probing = circuit.probeSince !== undefined;
    if (probing || (circuit.openedAt === undefined && circuit.failures >= this.failureThreshold)) {
      circuit.openedAt = this.now();
      delete circuit.probeSince;
    }
  }

  /** A granted call ended without telling anything about the host (canceled, refused locally). */
  release(key: string): void {
    const circuit = this.circuits.get(key);
    if (circuit) delete circuit.probeSince;
  }
}
