import { describe, expect, it } from 'vitest';
import {
  CURRENT_WORKFLOW_SCHEMA_VERSION,
  ValidationError,
  parseWorkflow,
  workflowJsonSchema,
} from './index.js';

const minimal = {
  name: 'Orders',
  nodes: [{ id: 'a', name: 'Start', type: 'core.manualTrigger' }],
};

describe('parseWorkflow', () => {
  it('fills defaults and stamps the current schema version', () => {
    const wf = parseWorkflow(minimal);
    expect(wf.schemaVersion).toBe(CURRENT_WORKFLOW_SCHEMA_VERSION);
    expect(wf.nodes[0]).toMatchObject({ typeVersion: 1, params: {}, position: [0, 0], onError: 'stop' });
    expect(wf.settings).toMatchObject({ timezone: 'UTC', concurrency: 4, missedSchedules: 'skip' });
    // unset means on: documents written before the setting existed keep parking on network outages
    expect(wf.settings.networkRetry).toBeUndefined();
    expect(parseWorkflow({ ...minimal, settings: { networkRetry: false } }).settings.networkRetry).toBe(
      false,
    );
    expect(wf.connections).toEqual([]);
  });

  it('migrates version-0 documents that used `parameters`', () => {
    const wf = parseWorkflow({
      name: 'Old',
      nodes: [{ id: 'a', name: 'Set', type: 'core.set', parameters: { fields: [] } }],
    });
    expect(wf.nodes[0]?.params).toEqual({ fields: [] });
  });

  it('names the offending field', () => {
    const bad = { ...minimal, nodes: [{ id: 'a', name: 'Start', type: '' }] };
    expect(() => parseWorkflow(bad)).toThrow(ValidationError);
    try {
      parseWorkflow(bad);
    } catch (error) {
      expect((error as ValidationError).field).toBe('nodes.0.type');
    }
  });

  it('refuses documents from a newer Shopwire and non-objects', () => {
    expect(() => parseWorkflow({ ...minimal, schemaVersion: 99 })).toThrow(/newer/);
    expect(() => parseWorkflow([])).toThrow(/JSON object/);
    expect(() => parseWorkflow({ ...minimal, schemaVersion: 'x' })).toThrow(/schemaVersion/);
  });

  it('publishes a JSON Schema of the document', () => {
    const schema = workflowJsonSchema();
    expect(schema['type']).toBe('object');
    expect(Object.keys(schema['properties'] as object)).toEqual(
      expect.arrayContaining(['schemaVersion', 'name', 'nodes', 'connections', 'settings', 'pinData']),
    );
  });
});
