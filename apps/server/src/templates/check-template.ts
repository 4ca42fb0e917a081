import { parseWorkflow, ValidationError } from '@shopwire/sdk';
import type { Workflow } from '@shopwire/sdk';
import { validateWorkflow } from '@shopwire/engine';
import type { NodeRegistry } from '@shopwire/registry';
import { fillPlaceholders, placeholderUses } from './placeholders.js';
import type { Template } from './template-schema.js';

type Issue = { field: string; message: string };

/**
 * Checks a template against the node registry: every placeholder names a declared slot, every
 * declared slot is used, the declared credential type is one the node accepts, the credential
 * type exists, and the workflow passes parseWorkflow + validateWorkflow once placeholders are filled.
 * Throws a ValidationError listing every issue; returns the filled (dummy ids) workflow.
 */
export function checkTemplate(template: Template, registry: NodeRegistry): Workflow {
  const issues: Issue[] = [];
  const declared = new Map(template.credentials.map((c) => [c.slot, c]));
  if (declared.size !== template.credentials.length)
    issues.push({ field: 'credentials', message: 'two credentials have the same slot' });
  template.credentials.forEach((c, i) => {
    if (!registry.getCredentialType(c.type))
      issues.push({ field: `credentials.${i}.type`, message: `unknown credential type "${c.type}"` });
  });
  const used = new Set<string>();
  const nodes = (template.workflow['nodes'] ?? []) as { type?: unknown; typeVersion?: unknown }[];
  for (const use of placeholderUses(template)) {
    used.add(use.slot);
    const field = `workflow.nodes.${use.nodeIndex}.credentials.${use.nodeSlot}`;
    const slot = declared.get(use.slot);
    if (!slot) {
      issues.push({
        field,
        message: `placeholder names "${use.slot}", which is not in the template's credentials`,
      });
      continue;
    }
    const raw = nodes[use.nodeIndex];
    const def = typeof raw?.type === 'string' ? registry.getNode(raw.type) : undefined;
    if (!def) continue; // validateWorkflow reports the unknown type
    const nodeSlot = def.credentials?.find((s) => s.name === use.nodeSlot);
    if (!nodeSlot) {
      issues.push({ field, message: `node type ${def.type} has no credential slot "${use.nodeSlot}"` });
      continue;
    }
    const accepted = Array.isArray(nodeSlot.type) ? nodeSlot.type : [nodeSlot.type];
    if (!accepted.includes(slot.type))
      issues.push({
        field,
        message: `${def.type} needs ${accepted.join(' or ')}, the slot "${use.slot}" is ${slot.type}`,
      });
  }
  for (const slot of declared.keys()) {
    if (!used.has(slot))
      issues.push({ field: `credentials.${slot}`, message: 'declared but no node uses it' });
  }
  let workflow: Workflow | undefined;
  try {
    const dummy = Object.fromEntries(template.credentials.map((c) => [c.slot, `template-${c.slot}`]));
    workflow = parseWorkflow(fillPlaceholders(template, dummy));
    validateWorkflow(workflow, registry);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues.map((i) => ({ field: `workflow.${i.field}`, message: i.message })));
  }
  const first = issues[0];
  if (first || !workflow)
    throw new ValidationError(first?.field ?? 'workflow', first?.message ?? 'invalid', issues);
  return workflow;
}
