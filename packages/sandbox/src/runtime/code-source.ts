/**
 * In-isolate JavaScript (a string): runs a Code node. The user's code becomes the body of an
 * async function (built with the AsyncFunction constructor, which parses the body on its own so
 * it can't close the wrapper early) and receives everything as arguments.
 */
export const CODE_SOURCE = String.raw`
const CODE_PARAMS = ['items', '$input', '$json', '$vars', '$execution', '$workflow', '$now', '$today',
  'DateTime', 'console', '$', '$node', '$items'];
const AsyncFunction = (async function () {}).constructor;
const FUNCTION_HEADER_LINES = 2;
const SHAPE_ERROR = 'Code must return an array of items or objects';

function userLine(stack) {
  const m = /<anonymous>:(\d+):(\d+)/.exec(stack);
  if (m === null) return null;
  const line = Number(m[1]) - FUNCTION_HEADER_LINES;
  return line >= 1 ? line : null;
}

function makeConsole(logs, limits) {
  let dropped = 0;
  let bytes = 0;
  const format = (v) => {
    if (typeof v === 'string') return v;
    if (v !== null && typeof v === 'object' && v instanceof Error) return errorInfo(v).message;
    try { const j = JSON.stringify(v); return j === undefined ? String(v) : j; } catch (e) { return String(v); }
  };
  const write = (level) => function () {
    if (logs.length >= limits.maxLogLines || bytes >= limits.maxLogBytes) { dropped++; return; }
    let message = '';
    for (let i = 0; i < arguments.length; i++) message += (i > 0 ? ' ' : '') + format(arguments[i]);
    message = truncate(message, limits.maxLogLineChars);
    bytes += message.length;
    logs.push({ level: level, message: message, at: new Date().toISOString() });
  };
  const api = Object.freeze({ log: write('info'), info: write('info'), warn: write('warn'), error: write('error'), debug: write('debug') });
  return { api: api, dropped: () => dropped };
}

function isRecord(v) { return v !== null && typeof v === 'object' && !Array.isArray(v); }

function toItems(result) {
  if (!isRecord(result) && !Array.isArray(result)) fail(SHAPE_ERROR);
  const list = Array.isArray(result) ? result : [result];
  const out = [];
  for (let i = 0; i < list.length; i++) {
    const el = list[i];
    if (!isRecord(el)) fail(SHAPE_ERROR + ' (element ' + i + ' is ' + (el === null ? 'null' : Array.isArray(el) ? 'an array' : typeof el) + ')');
    const json = el.json;
    if (json === undefined) { out.push({ json: el }); continue; }
    if (!isRecord(json)) fail(SHAPE_ERROR + ' (element ' + i + ' has a json field that is not an object)');
    const item = { json: json };
    if (isRecord(el.binary)) item.binary = el.binary;
    if (typeof el.pairedItem === 'number') item.pairedItem = el.pairedItem;
    out.push(item);
  }
  return out;
}

function codeFailure(code, message) { return JSON.stringify({ ok: false, error: { code: code, message: message } }); }

// payload: { items, nodes, vars, execution, workflow, now, timezone, maxOutputChars, limits }
async function runCode(code, payloadJson) {
  const p = JSON.parse(payloadJson);
  let fn;
  try { fn = new AsyncFunction(...CODE_PARAMS, code); }
  catch (e) { return codeFailure('SANDBOX_SYNTAX', 'Syntax error in code: ' + errorInfo(e).message); }
  const logs = [];
  const con = makeConsole(logs, p.limits);
  let items;
  try {
    const input = Array.isArray(p.items) ? p.items : [];
    const acc = nodeAccessors(wrapNodes(p.nodes), 0);
    const time = timeHelpers(p);
    const first = input[0];
    const result = await fn(input, inputAccessor(input, 0), first === undefined ? {} : first.json, p.vars,
      p.execution, p.workflow, time.$now, time.$today, time.DateTime, con.api, acc.$, acc.$node, input);
    items = toItems(result);
  } catch (e) {
    const info = errorInfo(e);
    const line = runtimeErrors.has(e) ? null : userLine(info.stack);
    return codeFailure('SANDBOX_RUNTIME', info.message + (line === null ? '' : ' [line ' + line + ']'));
  }
  if (con.dropped() > 0) logs.push({ level: 'warn', message: con.dropped() + ' more log lines were dropped (limit reached)', at: new Date().toISOString() });
  // the answer: {"ok":true,"logs":[...]}, a newline (JSON text never holds a raw one), then the
  // items' JSON on its own, which the host keeps as their stored text
  let json;
  try { json = JSON.stringify({ ok: true, logs: logs }) + '\n' + JSON.stringify(items); }
  catch (e) { return codeFailure('SANDBOX_OUTPUT', 'Code returned data that cannot be converted to JSON: ' + errorInfo(e).message); }
  if (json.length > p.maxOutputChars) return codeFailure('SANDBOX_OUTPUT', 'Code returned more than ' + Math.round(p.maxOutputChars / 1048576) + ' MB of data');
  return json;
}

// The host's fast path: runCodeStart starts a run and returns; the isolate runs its microtasks
// before the call returns to the host, so code that awaits nothing outside (nearly all of it) has
// settled by then and runCodeTake hands over its answer in a second synchronous call, without a
// thread hop. A run still pending is awaited through runCodeWait (with the host's wall clock).
let current = null;
function runCodeStart(code, payloadJson) {
  const run = { done: false, result: '' };
  run.promise = runCode(code, payloadJson).then(
    (json) => { run.done = true; run.result = json; return json; },
    (e) => { run.done = true; run.result = codeFailure('SANDBOX_RUNTIME', errorInfo(e).message); return run.result; });
  current = run;
}
function runCodeTake() {
  const run = current;
  if (run === null || !run.done) return null;
  current = null;
  return run.result;
}
function runCodeWait() {
  const run = current;
  current = null;
  return run === null ? Promise.resolve(codeFailure('SANDBOX_RUNTIME', 'no code run is pending')) : run.promise;
}
`;
