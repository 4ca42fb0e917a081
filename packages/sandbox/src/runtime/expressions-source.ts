/**
 * In-isolate JavaScript (a string): parses `{{ expression }}` templates, compiles each distinct
 * template once (cached by text; compiled functions are strict, frozen and pure functions of
 * their arguments) and evaluates a whole batch: every template for every requested item.
 */
export const EXPRESSIONS_SOURCE = String.raw`
const EXPR_PARAMS = ['$json', '$input', '$', '$node', '$vars', '$execution', '$workflow', '$now', '$today',
  '$index', '$items', 'DateTime'];
const templateCache = new Map();
const TEMPLATE_CACHE_MAX = 5000;
const TEMPLATE_CACHE_MAX_CHARS = 10000;

function compileExpression(source) {
  if (source.trim() === '') return () => null;
  const fn = new Function(...EXPR_PARAMS, '"use strict"; return (\n' + source + '\n);');
  if (fn.prototype !== undefined) Object.freeze(fn.prototype);
  return Object.freeze(fn);
}

// Splits a template into literal text and expression parts. The end of a segment is the first
// "}}" after which the expression compiles, so "{{ {a:{b:1}} }}" works.
function parseTemplate(text) {
  const src = text.charAt(0) === '=' ? text.slice(1) : text;
  const parts = [];
  let pos = 0;
  while (pos < src.length) {
    const open = src.indexOf('{{', pos);
    if (open === -1) break;
    let close = src.indexOf('}}', open + 2);
    if (close === -1) break;
    if (open > pos) parts.push(src.slice(pos, open));
    let compiled = null;
    let firstError = null;
    for (let end = close; end !== -1; end = src.indexOf('}}', end + 1)) {
      try { compiled = compileExpression(src.slice(open + 2, end)); close = end; break; }
      catch (e) { if (firstError === null) firstError = e; }
    }
    if (compiled === null) {
      return { error: { code: 'SANDBOX_SYNTAX', message: 'Syntax error in expression ' + truncate(src.slice(open, close + 2), 200) + ': ' + errorInfo(firstError).message } };
    }
    parts.push(compiled);
    pos = close + 2;
  }
  if (pos < src.length) parts.push(src.slice(pos));
  let exprCount = 0;
  let blank = true;
  for (let i = 0; i < parts.length; i++) {
    if (typeof parts[i] === 'function') exprCount++;
    else if (parts[i].trim() !== '') blank = false;
  }
  const single = exprCount === 1 && blank ? parts.find((p) => typeof p === 'function') : null;
  return { parts: Object.freeze(parts), single: single };
}

function getTemplate(text) {
  let t = templateCache.get(text);
  if (t === undefined) {
    t = parseTemplate(text);
    if (text.length > TEMPLATE_CACHE_MAX_CHARS) return t;
    if (templateCache.size >= TEMPLATE_CACHE_MAX) templateCache.clear();
    templateCache.set(text, t);
  }
  return t;
}

function toText(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (typeof v === 'symbol') return v.toString();
  if (typeof v === 'function') return '';
  if (isDateTime(v)) return v.toISO();
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.toISOString() : 'Invalid Date';
  const json = JSON.stringify(v);
  return json === undefined ? '' : json;
}

function evaluateTemplate(t, args) {
  if (t.single !== null) return t.single.apply(undefined, args);
  let out = '';
  for (let i = 0; i < t.parts.length; i++) {
    const p = t.parts[i];
    out += typeof p === 'string' ? p : toText(p.apply(undefined, args));
  }
  return out;
}

function cellJson(t, args, maxChars) {
  if (t.error !== undefined) return JSON.stringify({ ok: false, error: t.error });
  let json;
  try {
    const value = evaluateTemplate(t, args);
    json = JSON.stringify(value);
  } catch (e) {
    if (e === OUTPUT_TOO_LARGE) throw e;
    return JSON.stringify({ ok: false, error: { code: 'SANDBOX_RUNTIME', message: errorInfo(e).message } });
  }
  if (json !== undefined && json.length > maxChars) throw OUTPUT_TOO_LARGE;
  return '{"ok":true,"value":' + (json === undefined ? 'null' : json) + '}';
}

// sentinel, compared by identity (see runtimeErrors)
const OUTPUT_TOO_LARGE = Object.freeze({ outputTooLarge: true });

// payload: { templates, items, nodes, vars, execution, workflow, now, timezone, indexes, maxOutputChars }
function evalBatch(payloadJson) {
  // Fresh, mutable data per batch (so "$json.tags.sort()" works); nothing outlives the batch.
  const p = JSON.parse(payloadJson);
  const maxChars = p.maxOutputChars;
  const templates = p.templates.map(getTemplate);
  const items = wrapItems(p.items);
  const nodes = wrapNodes(p.nodes);
  const time = timeHelpers(p);
  const rows = [];
  let size = 0;
  try {
    for (let r = 0; r < p.indexes.length; r++) {
      const index = p.indexes[r];
      const acc = nodeAccessors(nodes, index);
      const item = items[index];
      const args = [item === undefined ? {} : item.json, inputAccessor(items, index), acc.$, acc.$node, p.vars,
        p.execution, p.workflow, time.$now, time.$today, index, items, time.DateTime];
      const cells = [];
      for (let t = 0; t < templates.length; t++) {
        const cell = cellJson(templates[t], args, maxChars);
        size += cell.length + 1;
        if (size > maxChars) throw OUTPUT_TOO_LARGE;
        cells.push(cell);
      }
      rows.push('[' + cells.join(',') + ']');
    }
  } catch (e) {
    if (e === OUTPUT_TOO_LARGE) return JSON.stringify({ ok: false, error: { code: 'SANDBOX_OUTPUT', message: 'Expression results are larger than ' + Math.round(maxChars / 1048576) + ' MB' } });
    throw e;
  }
  return '{"ok":true,"values":[' + rows.join(',') + ']}';
}
`;
