import { CODE_SOURCE } from './code-source.js';
import { CONTEXT_SOURCE } from './context-source.js';
import { DATETIME_SOURCE } from './datetime-source.js';
import { EXPRESSIONS_SOURCE } from './expressions-source.js';
import { HARDEN_SOURCE } from './harden-source.js';

/**
 * The whole in-isolate runtime as one script. Its completion value is a frozen object with the
 * entry points; they are never put on globalThis. Everything is defined and hardened before
 * any user code can run, so the runtime's own use of builtins can't be tampered with later.
 */
export const RUNTIME_SOURCE = [
  '(function () {',
  '"use strict";',
  DATETIME_SOURCE,
  CONTEXT_SOURCE,
  EXPRESSIONS_SOURCE,
  CODE_SOURCE,
  HARDEN_SOURCE,
  'Object.defineProperty(globalThis, "DateTime", { value: makeDateTimeApi("UTC"), enumerable: false });',
  'const api = Object.freeze({ evalBatch: evalBatch, runCodeStart: runCodeStart, runCodeTake: runCodeTake, runCodeWait: runCodeWait });',
  'harden([api, DateTimeProto, makeDateTimeApi]);',
  'return api;',
  '})()',
].join('\n');

export const RUNTIME_FILENAME = 'shopwire-runtime.js';
