import { defineNode, z } from '@shopwire/sdk';
import type { Item, NodeContext } from '@shopwire/sdk';

const DEFAULT_CODE = `// items: [{ json }], also $input.all(), $json (first item), console.log(...)
return items.map((item) => ({ json: { ...item.json, checked: true } }));`;

const params = z.object({
  code: z
    .string()
    .min(1)
    .max(200_000)
    .default(DEFAULT_CODE)
    .meta({
      title: 'JavaScript',
      description: 'Body of an async function; return an array of items or objects',
      ui: { widget: 'code', language: 'javascript' },
    }),
  mode: z.enum(['allItems', 'eachItem']).default('allItems').meta({
    title: 'Run',
    description: 'allItems: once with every item; eachItem: once per item ($json, item, $index)',
  }),
});

/**
 * Runs the user's code once per item inside ONE sandbox call: the code becomes the body of an
 * inner async function that sees a one-item `items`/`$input`, plus `item`, `$json` and `$index`.
 * The user's first line stays on line 1 so the sandbox's error line numbers stay right.
 */
export function wrapForEachItem(code: string): string {
  return (
    'const __swOut = []; for (let __swI = 0; __swI < items.length; __swI++) { const __swItem = items[__swI]; ' +
    'const __swResult = await (async (items, $input, $json, $index, item) => {' +
    code +
    '\n})([__swItem], Object.freeze({ all: () => [__swItem], first: () => __swItem, last: () => __swItem, item: __swItem }), __swItem.json, __swI, __swItem);\n' +
    'const __swList = Array.isArray(__swResult) ? __swResult : (__swResult === undefined || __swResult === null ? [] : [__swResult]);\n' +
    'for (const __swEl of __swList) {\n' +
    "  if (__swEl === null || typeof __swEl !== 'object' || Array.isArray(__swEl)) { __swOut.push(__swEl); continue; }\n" +
    '  const __swIt = __swEl.json !== undefined ? __swEl : { json: __swEl };\n' +
    '  __swOut.push(__swIt.pairedItem === undefined ? { ...__swIt, pairedItem: __swI } : __swIt);\n' +
    '} } return __swOut;'
  );
}

function codeContext(ctx: NodeContext<unknown>) {
  return {
    // other nodes' outputs and $vars are not part of NodeContext; the code sees empty ones
    nodes: {},
    vars: {},
    execution: {
      id: ctx.execution.id,
      mode: ctx.execution.mode,
      ...(ctx.execution.resumeUrl ? { resumeUrl: ctx.execution.resumeUrl } : {}),
    },
    workflow: {
      id: ctx.workflow.id,
      name: ctx.workflow.name,
      active: ctx.execution.mode !== 'manual' && ctx.execution.mode !== 'webhook-test',
    },
    now: ctx.now().toISOString(),
    timezone: ctx.workflow.timezone,
  };
}

export const code = defineNode({
  type: 'core.code',
  version: 1,
  displayName: 'Code',
  description:
    'Runs your JavaScript on the items in a secure sandbox (no network or file access). Return the new items.',
  kind: 'transform',
  group: 'Transform',
  icon: 'code',
  params,
  rawParams: ['code'],
  run: async (ctx) => {
    const source = ctx.params.mode === 'eachItem' ? wrapForEachItem(ctx.params.code) : ctx.params.code;
    const result = await ctx.sandbox.runCode({
      code: source,
      items: ctx.items,
      context: codeContext(ctx as NodeContext<unknown>),
    });
    for (const line of result.logs) ctx.logger[line.level](line.message);
    return result.items as Item[];
  },
});
