/**
 * In-isolate JavaScript (a string): builds the variables user code sees ($input, $('Node'),
 * $node, $vars, ...) from the parsed request data, and turns anything thrown into plain data.
 */
export const CONTEXT_SOURCE = String.raw`
const MAX_MESSAGE = 2000;
function truncate(text, max) { return text.length > max ? text.slice(0, max) + '…' : text; }

// Reads a thrown value without trusting it: every access may hit a getter or proxy trap, which
// is fine here because we are still inside the isolate, under its timeout.
function errorInfo(e) {
  try {
    if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
      const name = typeof e.name === 'string' ? e.name : 'Error';
      const message = typeof e.message === 'string' ? e.message : String(e);
      const stack = typeof e.stack === 'string' ? e.stack : '';
      const text = name === 'Error' || name === '' ? message : name + ': ' + message;
      return { message: truncate(text, MAX_MESSAGE), stack: stack };
    }
    return { message: truncate('Uncaught ' + String(e), MAX_MESSAGE), stack: '' };
  } catch (inner) {
    return { message: 'Unknown error (the thrown value could not be read)', stack: '' };
  }
}

// Errors raised by the runtime itself (not user code). Recognised by identity, never by
// instanceof, which would run a getPrototypeOf trap of a thrown Proxy.
const runtimeErrors = new WeakSet();
function fail(message) { const e = new Error(message); runtimeErrors.add(e); throw e; }

function wrapItems(list) {
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = { json: list[i] };
  return out;
}

function nodeView(name, items, index) {
  const item = items[index] !== undefined ? items[index] : items[0];
  return Object.freeze({
    all: () => items.slice(),
    first: () => items[0],
    last: () => items[items.length - 1],
    item: item,
    json: item === undefined ? undefined : item.json,
    isExecuted: true,
  });
}

// nodes: { name: { json }[] } already wrapped; returns $ and $node for one item index.
function nodeAccessors(nodes, index) {
  const lookup = (name) => {
    if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(nodes, name)) {
      fail("node '" + String(name) + "' is not available: it has not run or is not upstream");
    }
    return nodeView(name, nodes[name], index);
  };
  const target = {};
  const names = Object.keys(nodes);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    Object.defineProperty(target, name, { enumerable: true, get: () => lookup(name) });
  }
  Object.freeze(target);
  const $node = new Proxy(target, {
    get(t, key) {
      if (typeof key !== 'string' || key === 'then' || key === 'toJSON') return undefined;
      return lookup(key);
    },
  });
  return { $: lookup, $node: $node };
}

function inputAccessor(items, index) {
  return Object.freeze({
    all: () => items.slice(),
    first: () => items[0],
    last: () => items[items.length - 1],
    item: items[index],
  });
}

function wrapNodes(rawNodes) {
  const nodes = {};
  const names = Object.keys(rawNodes || {});
  for (let i = 0; i < names.length; i++) {
    const entry = rawNodes[names[i]];
    nodes[names[i]] = wrapItems(entry && Array.isArray(entry.items) ? entry.items : []);
  }
  return nodes;
}

function timeHelpers(ctx) {
  const zone = checkZone(ctx.timezone || 'UTC');
  const nowMs = Date.parse(ctx.now);
  const $now = makeDateTime(Number.isFinite(nowMs) ? nowMs : Date.now(), zone);
  return { $now: $now, $today: $now.startOf('day'), DateTime: makeDateTimeApi(zone) };
}
`;
