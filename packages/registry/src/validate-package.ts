import type { CredentialTypeDefinition, NodeDefinition, NodePackage } from '@shopwire/sdk';

const KINDS = new Set(['trigger', 'transform', 'action']);
const GROUPS = new Set(['Triggers', 'Transform', 'Flow', 'Actions', 'Retail', 'Analytics', 'Utility']);
const TRIGGER_TYPES = new Set(['manual', 'webhook', 'schedule', 'polling', 'subworkflow', 'error']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** a zod (v4) schema: has safeParse and zod's internal marker, so z.toJSONSchema can read it */
const isZodSchema = (value: unknown): boolean =>
  isObject(value) && typeof value.safeParse === 'function' && '_zod' in value;

function nodeProblem(node: unknown): string | undefined {
  if (!isObject(node)) return 'is not an object';
  if (typeof node.type !== 'string' || !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/.test(node.type))
    return 'type must look like "<package>.<name>"';
  if (!Number.isInteger(node.version) || (node.version as number) < 1)
    return 'version must be a whole number ≥ 1';
  if (typeof node.displayName !== 'string' || !node.displayName) return 'displayName is required';
  if (typeof node.description !== 'string') return 'description must be a string';
  if (!KINDS.has(node.kind as string)) return 'kind must be trigger, transform or action';
  if (!GROUPS.has(node.group as string)) return `group ${JSON.stringify(node.group)} is not a palette group`;
  if (!isZodSchema(node.params)) return 'params must be a zod schema (import { z } from "@shopwire/sdk")';
  if (node.run !== undefined && typeof node.run !== 'function') return 'run must be a function';
  if (
    node.trigger !== undefined &&
    (!isObject(node.trigger) || !TRIGGER_TYPES.has(node.trigger.type as string))
  )
    return 'trigger.type is not a known trigger type';
  if (!node.run && !node.trigger) return 'needs run(ctx) or a trigger';
  if (node.kind === 'trigger' && !node.trigger) return 'a trigger node must declare trigger: {...}';
  for (const key of ['inputs', 'outputs'] as const) {
    const value = node[key];
    if (
      value !== undefined &&
      typeof value !== 'function' &&
      !(key === 'inputs' ? Number.isInteger(value) : Array.isArray(value))
    )
      return `${key} is invalid`;
  }
  return undefined;
}

function credentialProblem(credential: unknown): string | undefined {
  if (!isObject(credential)) return 'is not an object';
  if (typeof credential.type !== 'string' || !credential.type) return 'type is required';
  if (typeof credential.displayName !== 'string' || !credential.displayName) return 'displayName is required';
  if (!isZodSchema(credential.schema)) return 'schema must be a zod schema';
  if (!Array.isArray(credential.secretFields) || !credential.secretFields.every((f) => typeof f === 'string'))
    return 'secretFields must be a list of field names';
  return undefined;
}

/** Checks the default export of a node package's entry; throws an Error naming the first problem. */
export function validateNodePackage(value: unknown): NodePackage {
  if (!isObject(value))
    throw new Error('the entry module has no default export created with definePackage({...})');
  if (!Array.isArray(value.nodes)) throw new Error('default export: "nodes" must be an array');
  const seen = new Set<string>();
  value.nodes.forEach((node: unknown, i: number) => {
    const problem = nodeProblem(node);
    const label = isObject(node) && typeof node.type === 'string' ? `node ${node.type}` : `nodes[${i}]`;
    if (problem) throw new Error(`${label}: ${problem}`);
    const key = `${(node as NodeDefinition).type}@${(node as NodeDefinition).version}`;
    if (seen.has(key)) throw new Error(`node ${key} is declared twice`);
    seen.add(key);
  });
  if (value.credentials !== undefined && !Array.isArray(value.credentials))
    throw new Error('default export: "credentials" must be an array');
  ((value.credentials as unknown[] | undefined) ?? []).forEach((credential, i) => {
    const problem = credentialProblem(credential);
    const label =
      isObject(credential) && typeof credential.type === 'string'
        ? `credential type ${credential.type}`
        : `credentials[${i}]`;
    if (problem) throw new Error(`${label}: ${problem}`);
  });
  return {
    name: typeof value.name === 'string' ? value.name : '',
    nodes: value.nodes as NodeDefinition[],
    credentials: (value.credentials as CredentialTypeDefinition[] | undefined) ?? [],
  };
}
