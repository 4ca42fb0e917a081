/**
 * In-isolate JavaScript (a string, never evaluated in the host): removes dangerous globals,
 * tames the "override mistake" and deep-freezes every intrinsic reachable from globalThis, so
 * nothing one execution does can be observed by the next one in the same long-lived context.
 * Runs inside the setup closure (see runtime-source.ts) after the runtime is defined.
 */
export const HARDEN_SOURCE = String.raw`
function removeDangerousGlobals() {
  // Shared memory, blocking waits and wasm memory escape the isolate's limits or abort the process.
  const names = ['SharedArrayBuffer', 'Atomics', 'WebAssembly', 'console'];
  for (let i = 0; i < names.length; i++) delete globalThis[names[i]];
  // Legacy RegExp statics keep the last match input: a channel between executions.
  const legacy = ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9', 'input', '$_', 'lastMatch',
    '$&', 'lastParen', '$+', 'leftContext', '$' + String.fromCharCode(96), 'rightContext', "$'"];
  for (let i = 0; i < legacy.length; i++) delete RegExp[legacy[i]];
}

// Freezing a prototype makes "obj.toString = fn" on an instance fail (the override mistake).
// For the commonly overridden properties, swap the data property for an accessor whose setter
// defines an own property on the instance instead.
function tameOverrides() {
  const targets = [[Object.prototype, Reflect.ownKeys(Object.prototype)],
    [Function.prototype, ['toString', 'constructor']],
    [Array.prototype, ['toString', 'constructor']],
    [Promise.prototype, ['constructor', 'then']]];
  const errors = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError, AggregateError];
  for (let i = 0; i < errors.length; i++) {
    targets.push([errors[i].prototype, ['name', 'message', 'constructor', 'toString']]);
  }
  for (let t = 0; t < targets.length; t++) {
    const proto = targets[t][0];
    const keys = targets[t][1];
    for (let k = 0; k < keys.length; k++) tameProperty(proto, keys[k]);
  }
}

function tameProperty(proto, key) {
  const desc = Object.getOwnPropertyDescriptor(proto, key);
  if (!desc || !('value' in desc) || !desc.configurable) return;
  const value = desc.value;
  Object.defineProperty(proto, key, {
    configurable: false,
    enumerable: desc.enumerable,
    get: function () { return value; },
    set: function (next) {
      if (this === proto) throw new TypeError('Cannot assign to read only property ' + String(key) + ' of a built-in');
      Object.defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
    },
  });
}

function hiddenIntrinsics() {
  const list = [];
  const add = (fn) => { try { const v = fn(); if (v !== null && v !== undefined) list.push(v); } catch (e) { /* absent here */ } };
  add(() => Object.getPrototypeOf(function* () {}));
  add(() => Object.getPrototypeOf(async function* () {}));
  add(() => (async function () {}).constructor);
  add(() => Object.getPrototypeOf(function* () {}).constructor);
  add(() => Object.getPrototypeOf(async function* () {}).constructor);
  add(() => Object.getPrototypeOf([][Symbol.iterator]()));
  add(() => Object.getPrototypeOf(''[Symbol.iterator]()));
  add(() => Object.getPrototypeOf(new Map().entries()));
  add(() => Object.getPrototypeOf(new Set().values()));
  add(() => Object.getPrototypeOf(/a/[Symbol.matchAll]('')));
  add(() => Object.getPrototypeOf((function* () {})()));
  add(() => Object.getPrototypeOf((async function* () {})()));
  add(() => Object.getPrototypeOf(new Intl.Segmenter().segment('a')));
  add(() => Object.getPrototypeOf(new Intl.Segmenter().segment('a')[Symbol.iterator]()));
  add(() => Object.getPrototypeOf(Uint8Array));
  add(() => Object.getOwnPropertyDescriptor(Function.prototype, 'caller').get);
  add(() => (function () { return arguments; })());
  add(() => Object.getPrototypeOf(globalThis.Iterator.from({ next() { return { done: true }; } })));
  add(() => Object.getPrototypeOf([].values().map((x) => x)));
  return list;
}

function deepFreeze(roots) {
  const seen = new Set();
  const stack = roots.slice();
  while (stack.length > 0) {
    const obj = stack.pop();
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function') || seen.has(obj)) continue;
    seen.add(obj);
    Object.freeze(obj);
    stack.push(Object.getPrototypeOf(obj));
    const keys = Reflect.ownKeys(obj);
    for (let i = 0; i < keys.length; i++) {
      const desc = Object.getOwnPropertyDescriptor(obj, keys[i]);
      if (!desc) continue;
      if ('value' in desc) stack.push(desc.value);
      else { stack.push(desc.get); stack.push(desc.set); }
    }
  }
}

function harden(extraRoots) {
  removeDangerousGlobals();
  tameOverrides();
  deepFreeze([globalThis].concat(hiddenIntrinsics(), extraRoots));
}
`;
