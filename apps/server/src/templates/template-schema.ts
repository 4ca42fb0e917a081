import { z } from '@shopwire/sdk';

/**
 * A template file (`<repo>/templates/<id>.json`): a workflow document plus the credentials it needs.
 * Node credentials in the document are placeholders `{{credential:<slot>}}`; importing replaces them
 * with the ids of stored credentials.
 */
export const TEMPLATE_VERSION = 1;

export const templateCredentialSchema = z.object({
  slot: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'letters, digits, "_" and "-", starting with a letter'),
  type: z.string().min(1).max(200),
  description: z.string().max(500).default(''),
});

export const templateSchema = z.object({
  templateVersion: z.literal(TEMPLATE_VERSION),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'lowercase letters, digits and "-"'),
  name: z.string().min(1).max(200),
  description: z.string().min(1).max(5000),
  category: z.string().min(1).max(64),
  credentials: z.array(templateCredentialSchema).max(50).default([]),
  /** a full workflow document; checked by parseWorkflow + validateWorkflow after placeholders are filled */
  workflow: z.record(z.string(), z.unknown()),
});

export type TemplateCredential = z.infer<typeof templateCredentialSchema>;
export type Template = z.infer<typeof templateSchema>;

/** What the gallery lists. */
export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  category: string;
  credentials: TemplateCredential[];
  nodeCount: number;
}

export function templateSummary(template: Template): TemplateSummary {
  const nodes = template.workflow['nodes'];
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    category: template.category,
    credentials: template.credentials,
    nodeCount: Array.isArray(nodes) ? nodes.length : 0,
  };
}
