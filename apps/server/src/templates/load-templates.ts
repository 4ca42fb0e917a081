import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validationErrorFromIssues } from '@shopwire/sdk';
import type { NodeRegistry } from '@shopwire/registry';
import { checkTemplate } from './check-template.js';
import { templateSchema, type Template } from './template-schema.js';

export interface TemplateLoadFailure {
  file: string;
  error: string;
}

export interface LoadedTemplates {
  templates: Template[];
  failures: TemplateLoadFailure[];
}

/**
 * Reads every `*.json` in `dir` (sorted by file name). A broken template is reported in `failures`
 * and skipped, so one bad file does not hide the others. With a registry, templates whose nodes or
 * credentials do not exist in this installation are skipped too.
 */
export function loadTemplates(options: { dir: string; registry?: NodeRegistry }): LoadedTemplates {
  const templates: Template[] = [];
  const failures: TemplateLoadFailure[] = [];
  if (!fs.existsSync(options.dir)) return { templates, failures };
  const files = fs
    .readdirSync(options.dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const ids = new Set<string>();
  for (const file of files) {
    try {
      const raw = JSON.parse(fs.readFileSync(path.join(options.dir, file), 'utf8')) as unknown;
      const parsed = templateSchema.safeParse(raw);
      if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues);
      const template = parsed.data;
      if (`${template.id}.json` !== file) throw new Error(`id "${template.id}" does not match the file name`);
      if (ids.has(template.id)) throw new Error(`duplicate template id "${template.id}"`);
      if (options.registry) checkTemplate(template, options.registry);
      ids.add(template.id);
      templates.push(template);
    } catch (error) {
      failures.push({ file, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { templates, failures };
}

/**
 * `<repo>/templates`: the first folder up from this file that holds both `templates/` and `nodes/`
 * (the repository in development, /app in the container, which copies both).
 */
export function defaultTemplatesDir(
  from: string = path.dirname(fileURLToPath(import.meta.url)),
): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'templates');
    if (fs.existsSync(candidate) && fs.existsSync(path.join(dir, 'nodes'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
