import { ValidationError, type CodeRunRequest, type ExpressionBatchRequest } from '@shopwire/sdk';

/** Checks the shape of requests before anything is sent to a child, naming the bad field. */

const MAX_TIMEOUT_MS = 600_000;
// Building an Intl.DateTimeFormat costs more than the rest of a small batch: remember good zones.
const knownZones = new Set<string>(['UTC']);

function isKnownZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  if (knownZones.size < 1000) knownZones.add(zone);
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkTimeout(value: unknown, field: string): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMEOUT_MS) {
    throw new ValidationError(field, `must be a number of milliseconds between 1 and ${MAX_TIMEOUT_MS}`);
  }
}

function checkContext(context: unknown, field: string): void {
  if (!isRecord(context)) throw new ValidationError(field, 'must be an object');
  if (context.nodes !== undefined) {
    if (!isRecord(context.nodes))
      throw new ValidationError(`${field}.nodes`, 'must be an object of { items: [] } by node name');
    for (const [name, entry] of Object.entries(context.nodes)) {
      if (!isRecord(entry) || !Array.isArray(entry.items))
        throw new ValidationError(`${field}.nodes.${name}.items`, 'must be an array');
    }
  }
  if (context.vars !== undefined && !isRecord(context.vars))
    throw new ValidationError(`${field}.vars`, 'must be an object');
  if (context.execution !== undefined && !isRecord(context.execution))
    throw new ValidationError(`${field}.execution`, 'must be an object');
  if (context.workflow !== undefined && !isRecord(context.workflow))
    throw new ValidationError(`${field}.workflow`, 'must be an object');
  if (typeof context.now !== 'string' || !Number.isFinite(Date.parse(context.now))) {
    throw new ValidationError(`${field}.now`, 'must be an ISO timestamp');
  }
  if (typeof context.timezone !== 'string')
    throw new ValidationError(`${field}.timezone`, 'must be an IANA timezone name');
  if (!isKnownZone(context.timezone))
    throw new ValidationError(`${field}.timezone`, `unknown timezone '${context.timezone}'`);
}

/** Returns the item indexes to evaluate (default: every item, or once when there are none). */
export function checkExpressionRequest(request: ExpressionBatchRequest): number[] {
  if (!isRecord(request)) throw new ValidationError('request', 'must be an object');
  if (!Array.isArray(request.templates))
    throw new ValidationError('templates', 'must be an array of strings');
  request.templates.forEach((t, i) => {
    if (typeof t !== 'string') throw new ValidationError(`templates.${i}`, 'must be a string');
  });
  checkContext(request.context, 'context');
  const items: unknown = request.context.items;
  if (!Array.isArray(items)) throw new ValidationError('context.items', 'must be an array of objects');
  items.forEach((item, i) => {
    if (!isRecord(item)) throw new ValidationError(`context.items.${i}`, 'must be an object (the item json)');
  });
  checkTimeout(request.timeoutMs, 'timeoutMs');
  if (request.itemIndexes === undefined) {
    return items.length === 0 ? [0] : items.map((_, i) => i);
  }
  if (!Array.isArray(request.itemIndexes))
    throw new ValidationError('itemIndexes', 'must be an array of item indexes');
  request.itemIndexes.forEach((index, i) => {
    const max = Math.max(items.length - 1, 0);
    if (!Number.isInteger(index) || index < 0 || index > max) {
      throw new ValidationError(`itemIndexes.${i}`, `must be an integer between 0 and ${max}`);
    }
  });
  return request.itemIndexes;
}

export function checkCodeRequest(request: CodeRunRequest): void {
  if (!isRecord(request)) throw new ValidationError('request', 'must be an object');
  if (typeof request.code !== 'string') throw new ValidationError('code', 'must be a string of JavaScript');
  if (!Array.isArray(request.items)) throw new ValidationError('items', 'must be an array of items');
  request.items.forEach((item, i) => {
    if (!isRecord(item) || !isRecord(item.json))
      throw new ValidationError(`items.${i}.json`, 'must be an object');
  });
  checkContext(request.context, 'context');
  checkTimeout(request.timeoutMs, 'timeoutMs');
  if (request.memoryMb !== undefined && (typeof request.memoryMb !== 'number' || !(request.memoryMb > 0))) {
    throw new ValidationError('memoryMb', 'must be a positive number');
  }
}
