import { ValidationError } from '@shopwire/sdk';
import { describe, expect, it } from 'vitest';
import branching from './fixtures/branching.json' with { type: 'json' };
import loop from './fixtures/loop.json' with { type: 'json' };
import { validateWorkflow } from './validate-workflow.js';
import { createHarness, createRegistry, loadWorkflow } from './test-support/harness.js';
import { createTestNodes } from './test-support/test-nodes.js';

type Doc = Record<string, unknown>;
const registry = createRegistry(createTestNodes().nodes);
const nodesOf = (doc: Doc) => doc['nodes'] as Record<string, unknown>[];
const connectionsOf = (doc: Doc) => doc['connections'] as Record<string, unknown>[];

function fieldOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).field;
  }
  return undefined;
}

describe('validateWorkflow', () => {
  it('accepts the fixtures, including a loop back-edge into input 1', () => {
    expect(() => validateWorkflow(loadWorkflow(branching), registry)).not.toThrow();
    expect(() => validateWorkflow(loadWorkflow(loop), registry)).not.toThrow();
  });

  it('names an unknown node type', () => {
    const wf = loadWorkflow(branching, (doc) => void ((nodesOf(doc)[3] as Doc)['type'] = 'test.nope'));
    expect(fieldOf(() => validateWorkflow(wf, registry))).toBe('nodes.3.type');
  });

  it('names duplicate ids and names', () => {
    const dupId = loadWorkflow(branching, (doc) => void ((nodesOf(doc)[2] as Doc)['id'] = 'if'));
    expect(fieldOf(() => validateWorkflow(dupId, registry))).toBe('nodes.2.id');
    const dupName = loadWorkflow(branching, (doc) => void ((nodesOf(doc)[5] as Doc)['name'] = 'Merge'));
    expect(fieldOf(() => validateWorkflow(dupName, registry))).toBe('nodes.5.name');
  });

  it('names a connection to an unknown node, an undeclared output and an input out of range', () => {
    const unknown = loadWorkflow(
      branching,
      (doc) =>
        void (connectionsOf(doc)[2] = { from: { node: 'if', output: 'false' }, to: { node: 'ghost' } }),
    );
    expect(fieldOf(() => validateWorkflow(unknown, registry))).toBe('connections.2.to.node');
    const output = loadWorkflow(
      branching,
      (doc) => void (connectionsOf(doc)[1] = { from: { node: 'if', output: 'maybe' }, to: { node: 'yes' } }),
    );
    expect(fieldOf(() => validateWorkflow(output, registry))).toBe('connections.1.from.output');
    const input = loadWorkflow(
      branching,
      (doc) => void (connectionsOf(doc)[5] = { from: { node: 'merge' }, to: { node: 'after', input: 1 } }),
    );
    expect(fieldOf(() => validateWorkflow(input, registry))).toBe('connections.5.to.input');
  });

  it('accepts the error output only when onError is output', () => {
    const wire = (doc: Doc) =>
      void connectionsOf(doc).push({ from: { node: 'yes', output: 'error' }, to: { node: 'after' } });
    expect(fieldOf(() => validateWorkflow(loadWorkflow(branching, wire), registry))).toBe(
      'connections.6.from.output',
    );
    const withPolicy = loadWorkflow(branching, (doc) => {
      wire(doc);
      (nodesOf(doc)[2] as Doc)['onError'] = 'output';
    });
    expect(() => validateWorkflow(withPolicy, registry)).not.toThrow();
  });

  it('rejects a cycle that does not go through a loop node input 1', () => {
    const wf = loadWorkflow(
      branching,
      (doc) => void connectionsOf(doc).push({ from: { node: 'after' }, to: { node: 'if' } }),
    );
    expect(fieldOf(() => validateWorkflow(wf, registry))).toBe('connections.6');
    const intoInput0 = loadWorkflow(
      loop,
      (doc) => void ((connectionsOf(doc)[2] as Doc)['to'] = { node: 'loop', input: 0 }),
    );
    expect(fieldOf(() => validateWorkflow(intoInput0, registry))).toBe('connections.2');
  });

  it('names invalid params but leaves params with expressions to run time', () => {
    const strict = (params: Doc) => (doc: Doc) =>
      void nodesOf(doc).push({ id: 'strict', name: 'Strict', type: 'test.strict', params });
    const bad = loadWorkflow(branching, strict({ url: 'not a url', count: 1 }));
    expect(fieldOf(() => validateWorkflow(bad, registry))).toBe('nodes.6.params.url');
    const expression = loadWorkflow(branching, strict({ url: '{{ $json.url }}', count: 1 }));
    expect(() => validateWorkflow(expression, registry)).not.toThrow();
    const missing = loadWorkflow(branching, strict({ url: '{{ $json.url }}' }));
    expect(fieldOf(() => validateWorkflow(missing, registry))).toBe('nodes.6.params.count');
  });

  it('names pinned data for an unknown node', () => {
    const wf = loadWorkflow(branching, (doc) => void (doc['pinData'] = { ghost: [{ json: {} }] }));
    expect(fieldOf(() => validateWorkflow(wf, registry))).toBe('pinData.ghost');
  });

  it('is applied by run(): an invalid workflow fails without running anything', async () => {
    const h = createHarness();
    const wf = loadWorkflow(branching, (doc) => void ((nodesOf(doc)[1] as Doc)['type'] = 'test.nope'));
    const result = await h.run(wf);
    expect(result).toMatchObject({ status: 'error', error: { code: 'VALIDATION', field: 'nodes.1.type' } });
    expect(h.journal.events).toHaveLength(0);
  });
});
