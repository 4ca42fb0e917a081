import { describe, expect, it } from 'vitest';
import type { Connection } from '@shopwire/sdk';
import { addNode, connectionProblem, removeNodes, renameNode, uniqueName, upstreamNodes } from './doc-ops.js';
import { desc, doc, lookup, node } from './test-docs.js';

const conn = (from: string, to: string, input = 0, output = 'main'): Connection => ({
  from: { node: from, output },
  to: { node: to, input },
});

describe('connection rules', () => {
  const d = doc(
    [node('t', 'core.manualTrigger'), node('a'), node('b'), node('c')],
    [
      ['t', 'a'],
      ['a', 'b'],
      ['b', 'c'],
    ],
  );

  it('allows a plain forward connection', () => {
    expect(connectionProblem(d, conn('a', 'c'), lookup)).toBeUndefined();
  });

  it('refuses a cycle and says why', () => {
    expect(connectionProblem(d, conn('c', 'a'), lookup)).toMatch(/cycle.*Loop over items/);
    expect(connectionProblem(d, conn('b', 'b'), lookup)).toMatch(/cannot feed itself/);
  });

  it('refuses a trigger as the target', () => {
    expect(connectionProblem(d, conn('a', 't'), lookup)).toMatch(
      /t is a trigger: it starts a workflow and takes no input/,
    );
  });

  it('refuses duplicates, missing nodes and inputs the target does not have', () => {
    expect(connectionProblem(d, conn('a', 'b'), lookup)).toMatch(/already connected/);
    expect(connectionProblem(d, conn('a', 'gone'), lookup)).toMatch(/no longer exists/);
    expect(connectionProblem(d, conn('a', 'c', 1), lookup)).toMatch(/has no input 2/);
  });

  it('allows a back-edge into input 2 of a loop node, but not into its input 1', () => {
    const loop = doc(
      [node('t', 'core.manualTrigger'), node('loop', 'core.loop'), node('work')],
      [['t', 'loop']],
    );
    const withBody = { ...loop, connections: [...loop.connections, conn('loop', 'work', 0, 'loop')] };
    expect(connectionProblem(withBody, conn('work', 'loop', 1), lookup)).toBeUndefined();
    expect(connectionProblem(withBody, conn('work', 'loop', 0), lookup)).toMatch(/cycle/);
  });
});

describe('document edits', () => {
  it('names new nodes uniquely and connects them from the given output', () => {
    const d = doc([node('t', 'core.manualTrigger'), node('s', 'core.set', { name: 'Edit fields' })]);
    const r = addNode(
      d,
      desc('core.set', {
        displayName: 'Edit fields',
        paramsSchema: { type: 'object', properties: { mode: { default: 'manual' } } },
      }),
      [300, 0],
      { node: 't', output: 'main' },
    );
    expect(r.node).toMatchObject({ name: 'Edit fields 1', params: { mode: 'manual' }, position: [300, 0] });
    expect(r.doc.connections).toEqual([
      { from: { node: 't', output: 'main' }, to: { node: r.node.id, input: 0 } },
    ]);
    expect(uniqueName(r.doc, 'Edit fields 1')).toBe('Edit fields 2');
  });

  it('renames to a unique name and ignores a blank one', () => {
    const d = doc([node('a', 'core.set', { name: 'A' }), node('b', 'core.set', { name: 'B' })]);
    expect(renameNode(d, 'b', 'A').nodes[1]?.name).toBe('A 1');
    expect(renameNode(d, 'b', '  ')).toBe(d);
  });

  it('removes nodes with their connections and pinned data', () => {
    const d = {
      ...doc(
        [node('a'), node('b'), node('c')],
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
      ),
      pinData: { b: [{ json: {} }] },
    };
    const next = removeNodes(d, new Set(['b']));
    expect(next.nodes.map((n) => n.id)).toEqual(['a', 'c']);
    expect(next.connections).toEqual([]);
    expect(next.pinData).toEqual({});
  });

  it('lists upstream nodes nearest first', () => {
    const d = doc(
      [node('t'), node('a'), node('b'), node('c')],
      [
        ['t', 'a'],
        ['a', 'b'],
        ['b', 'c'],
      ],
    );
    expect(upstreamNodes(d, 'c').map((n) => n.id)).toEqual(['b', 'a', 't']);
  });
});
