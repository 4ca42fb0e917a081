/** Workflow templates: file format, loading, checking against the registry, import. */
export type { Template, TemplateCredential, TemplateSummary } from './template-schema.js';
export { TEMPLATE_VERSION, templateSchema, templateSummary } from './template-schema.js';
export type { PlaceholderUse } from './placeholders.js';
export { fillPlaceholders, placeholderUses } from './placeholders.js';
export { checkTemplate } from './check-template.js';
export type { LoadedTemplates, TemplateLoadFailure } from './load-templates.js';
export { defaultTemplatesDir, loadTemplates } from './load-templates.js';
export type { ImportTemplateOptions, ImportTemplateResult } from './import-template.js';
export { importTemplate } from './import-template.js';
