import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseWorkflow } from '@shopwire/sdk';
import { validateWorkflow } from '@shopwire/engine';
import { discoverPackageDirs, loadNodeRegistry, type NodeRegistry } from '@shopwire/registry';
import {
  checkTemplate,
  fillPlaceholders,
  placeholderUses,
  templateSchema,
  type Template,
} from '@shopwire/server/templates';

/** Every file in <repo>/templates: shape, node types, credentials, graph. Runs in CI with the unit tests. */

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.join(repo, 'templates');
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

let registry: NodeRegistry;
beforeAll(async () => {
  registry = await loadNodeRegistry({
    packageDirs: discoverPackageDirs(path.join(repo, 'nodes')),
    useSourceCondition: true,
  });
});

const read = (file: string): Template =>
  templateSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));

describe('templates', () => {
  it('ships at least 10 templates with unique ids matching their file names', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    const ids = files.map((f) => read(f).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.map((id) => `${id}.json`)).toEqual(files);
  });

  it('loads every node package without failures', () => {
    expect(registry.failures()).toEqual([]);
  });

  describe.each(files)('%s', (file) => {
    it('parses, uses only existing node types, declares every placeholder and validates', () => {
      const template = read(file);
      for (const node of template.workflow['nodes'] as { type: string }[]) {
        expect(registry.getNode(node.type), `node type ${node.type}`).toBeDefined();
      }
      const used = new Set(placeholderUses(template).map((u) => u.slot));
      expect([...used].sort()).toEqual(template.credentials.map((c) => c.slot).sort());
      for (const c of template.credentials) expect(registry.getCredentialType(c.type), c.type).toBeDefined();

      const ids = Object.fromEntries(template.credentials.map((c) => [c.slot, `cred-${c.slot}`]));
      const workflow = parseWorkflow(fillPlaceholders(template, ids));
      expect(() => validateWorkflow(workflow, registry)).not.toThrow();
      expect(JSON.stringify(workflow)).not.toContain('{{credential:');
      expect(() => checkTemplate(template, registry)).not.toThrow();
    });

    it('explains itself: description, sticky notes, a time zone and a trigger', () => {
      const template = read(file);
      const workflow = parseWorkflow(
        fillPlaceholders(template, Object.fromEntries(template.credentials.map((c) => [c.slot, 'x']))),
      );
      expect(template.description.length).toBeGreaterThan(60);
      expect(workflow.stickyNotes.length).toBeGreaterThanOrEqual(2);
      expect(workflow.settings.timezone).not.toBe('UTC');
      const triggers = workflow.nodes.filter((n) => registry.getNode(n.type)?.kind === 'trigger');
      expect(triggers.length).toBeGreaterThanOrEqual(1);
      for (const c of template.credentials) expect(c.description.length).toBeGreaterThan(5);
    });
  });
});
