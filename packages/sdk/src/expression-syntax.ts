/**
 * Pure string inspection of `{{ ... }}` templates. Nothing here evaluates anything: evaluation
 * happens only inside the sandbox. The engine uses these to decide which strings need the sandbox
 * and which upstream nodes' data an expression may read.
 */

/** True when a param string contains at least one `{{ ... }}` segment. */
export function isExpressionTemplate(value: string): boolean {
  const open = value.indexOf('{{');
  return open !== -1 && value.indexOf('}}', open + 2) !== -1;
}

const NODE_REFERENCE_PATTERNS = [
  /\$\(\s*(['"`])((?:\\.|(?!\1).)*)\1\s*\)/g, // $('Node name')
  /\$node\s*\[\s*(['"`])((?:\\.|(?!\1).)*)\1\s*\]/g, // $node["Node name"]
];
const NODE_DOT_PATTERN = /\$node\.([A-Za-z_$][\w$]*)/g; // $node.Name

/** Names of nodes a template refers to, so only their data is sent to the sandbox. */
export function referencedNodeNames(template: string): string[] {
  const names = new Set<string>();
  for (const pattern of NODE_REFERENCE_PATTERNS) {
    for (const match of template.matchAll(pattern)) {
      const raw = match[2];
      if (raw !== undefined) names.add(raw.replace(/\\(.)/g, '$1'));
    }
  }
  for (const match of template.matchAll(NODE_DOT_PATTERN)) {
    if (match[1] !== undefined) names.add(match[1]);
  }
  return [...names];
}

/** True when the template may read every upstream node (e.g. `$node[name]` with a computed name). */
export function referencesNodesDynamically(template: string): boolean {
  return /\$\(\s*[^'"`\s)]/.test(template) || /\$node\s*\[\s*[^'"`\s\]]/.test(template);
}
