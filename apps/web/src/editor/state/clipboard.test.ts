import { describe, expect, it } from 'vitest';
import { copySelection, parseClipboard, pasteInto } from './clipboard.js';
import { doc, node } from './test-docs.js';

describe('copy/paste', () => {
  const source = {
    ...doc(
      [
        node('t', 'core.manualTrigger', { name: 'Start', position: [0, 0] }),
        node('a', 'core.set', { name: 'Edit fields', position: [300, 0] }),
        node('b', 'core.set', { name: 'Other', position: [600, 0] }),
      ],
      [
        ['t', 'a'],
        ['a', 'b'],
      ],
    ),
    pinData: { t: [{ json: { pinned: true } }] },
  };

  it('copies the selected nodes with only the connections between them, as JSON', () => {
    const text = copySelection(source, new Set(['t', 'a']));
    const payload = parseClipboard(text);
    expect(payload?.nodes.map((n) => n.id)).toEqual(['t', 'a']);
    expect(payload?.connections).toEqual([
      { from: { node: 't', output: 'main' }, to: { node: 'a', input: 0 } },
    ]);
    expect(payload?.pinData).toEqual({ t: [{ json: { pinned: true } }] });
  });

  it('pastes with new ids, offset positions, renamed duplicates and remapped connections/pin data', () => {
    const payload = parseClipboard(copySelection(source, new Set(['t', 'a'])))!;
    const { doc: next, ids } = pasteInto(source, payload, [40, 40]);
    expect(ids).toHaveLength(2);
    const pasted = next.nodes.filter((n) => ids.includes(n.id));
    expect(pasted.map((n) => n.name)).toEqual(['Start 1', 'Edit fields 1']);
    expect(pasted.map((n) => n.position)).toEqual([
      [40, 40],
      [340, 40],
    ]);
    expect(ids.some((id) => ['t', 'a', 'b'].includes(id))).toBe(false);
    const [newT, newA] = ids;
    expect(next.connections).toContainEqual({
      from: { node: newT, output: 'main' },
      to: { node: newA, input: 0 },
    });
    expect(next.connections).toHaveLength(3);
    expect(next.pinData[newT!]).toEqual([{ json: { pinned: true } }]);

    // into another (empty) workflow: names are kept
    const other = pasteInto(doc([]), payload, [40, 40]);
    expect(other.doc.nodes.map((n) => n.name)).toEqual(['Start', 'Edit fields']);
  });

  it('pasting twice keeps names unique', () => {
    const payload = parseClipboard(copySelection(source, new Set(['a'])))!;
    const once = pasteInto(source, payload, [40, 40]).doc;
    const twice = pasteInto(once, payload, [80, 80]).doc;
    expect(twice.nodes.map((n) => n.name)).toEqual([
      'Start',
      'Edit fields',
      'Other',
      'Edit fields 1',
      'Edit fields 2',
    ]);
  });

  it('refuses text that is not a workflow selection and drops malformed nodes', () => {
    expect(parseClipboard('hello')).toBeUndefined();
    expect(parseClipboard('{"name":"x"}')).toBeUndefined();
    expect(
      parseClipboard('{"nodes":[{"id":"a","type":"core.set"},{"name":"no id"},null]}')?.nodes,
    ).toHaveLength(1);
  });
});
