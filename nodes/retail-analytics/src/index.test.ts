import { describe, expect, it } from 'vitest';
import { z } from '@shopwire/sdk';
import pkg from './index.js';

// the same conversion the registry uses for the editor's forms (packages/registry/src/describe.ts)
const toJsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

describe('@shopwire/nodes-retail-analytics', () => {
  it('declares the five Analytics nodes with editor schemas and sample output', () => {
    expect(pkg.nodes.map((node) => node.type)).toEqual([
      'analytics.rfm',
      'analytics.reorderPoint',
      'analytics.eoq',
      'analytics.forecast',
      'analytics.inventoryKpis',
    ]);
    for (const node of pkg.nodes) {
      expect(node.group).toBe('Analytics');
      expect(node.sampleOutput?.length).toBeGreaterThan(0);
      const schema = toJsonSchema(node.params) as {
        title?: string;
        properties?: Record<string, { title?: string }>;
      };
      expect(schema.title).toBeTruthy();
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        expect(property.title, `${node.type}.${key} has a title`).toBeTruthy();
      }
    }
  });

  it('numeric params stay typed in the editor schema', () => {
    const eoq = pkg.nodes.find((node) => node.type === 'analytics.eoq')!;
    const schema = toJsonSchema(eoq.params) as { properties: Record<string, unknown> };
    expect(JSON.stringify(schema.properties.annualDemand)).toContain('"number"');
  });
});
