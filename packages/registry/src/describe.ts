import { nodeInputCount, nodeOutputs, z } from '@shopwire/sdk';
import type { CredentialTypeDefinition, NodeDefinition } from '@shopwire/sdk';
import type { CredentialTypeDescription, NodeTypeDescription } from './types.js';

/** zod → JSON Schema for the editor's forms; `.meta()` UI hints are kept. */
export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Inputs and outputs as the palette shows them: computed with the default params. */
function shape(def: NodeDefinition): { inputs: number; outputs: string[] } {
  const defaults = def.params.safeParse({});
  const fallbackInputs = typeof def.inputs === 'number' ? def.inputs : def.kind === 'trigger' ? 0 : 1;
  const fallbackOutputs = Array.isArray(def.outputs) ? def.outputs : ['main'];
  if (!defaults.success) return { inputs: fallbackInputs, outputs: fallbackOutputs };
  try {
    return { inputs: nodeInputCount(def, defaults.data), outputs: nodeOutputs(def, defaults.data) };
  } catch {
    return { inputs: fallbackInputs, outputs: fallbackOutputs };
  }
}

export function describeNodeDefinition(def: NodeDefinition, packageName: string): NodeTypeDescription {
  const { inputs, outputs } = shape(def);
  const description: NodeTypeDescription = {
    type: def.type,
    version: def.version,
    displayName: def.displayName,
    description: def.description,
    kind: def.kind,
    group: def.group,
    inputs,
    outputs,
    dynamicOutputs: typeof def.outputs === 'function',
    loop: def.loop === true,
    credentials: (def.credentials ?? []).map((slot) => ({
      name: slot.name,
      type: Array.isArray(slot.type) ? slot.type : [slot.type],
      required: slot.required ?? false,
    })),
    // always safe to repeat; a node that derives it from its params (HTTP by method) is not always
    idempotent: def.idempotent === true,
    paramsSchema: toJsonSchema(def.params),
    rawParams: def.rawParams ?? [],
    package: packageName,
  };
  if (def.icon !== undefined) description.icon = def.icon;
  if (def.trigger) description.trigger = def.trigger.type;
  return description;
}

export function describeCredentialType(
  def: CredentialTypeDefinition,
  packageName: string,
): CredentialTypeDescription {
  const description: CredentialTypeDescription = {
    type: def.type,
    displayName: def.displayName,
    schema: toJsonSchema(def.schema),
    secretFields: def.secretFields,
    testable: typeof def.test === 'function',
    package: packageName,
  };
  if (def.description !== undefined) description.description = def.description;
  return description;
}
