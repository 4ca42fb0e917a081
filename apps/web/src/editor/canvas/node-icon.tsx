import type { NodeTypeDescription } from '../types.js';

/** A colored badge per group; icons stay text so no icon font or asset is needed. */
const GROUP_COLORS: Record<string, string> = {
  Triggers: '#e8590c',
  Transform: '#1c7ed6',
  Flow: '#7048e8',
  Actions: '#2f9e44',
  Retail: '#d6336c',
  Analytics: '#0c8599',
  Utility: '#5c677d',
};

const ICONS: Record<string, string> = {
  'core.manualTrigger': '▶',
  'core.webhook': '⚡',
  'core.schedule': '⏰',
  'core.set': '✎',
  'core.if': 'if',
  'core.switch': 'sw',
  'core.merge': '+',
  'core.code': '{}',
  'core.httpRequest': '⇄',
  'core.loop': '↻',
  'core.wait': '⏸',
  'core.filter': 'fl',
  'core.sort': '⇅',
  'core.limit': '⊤',
  'core.respondToWebhook': '↩',
};

export function groupColor(group: string | undefined): string {
  return GROUP_COLORS[group ?? ''] ?? '#5c677d';
}

export function NodeIcon({ desc, size = 32 }: { desc: NodeTypeDescription | undefined; size?: number }) {
  const label = desc ? (ICONS[desc.type] ?? desc.displayName.slice(0, 1).toUpperCase()) : '?';
  return (
    <span
      className="swe-node-icon"
      aria-hidden="true"
      style={{ background: groupColor(desc?.group), width: size, height: size, fontSize: size * 0.45 }}
    >
      {label}
    </span>
  );
}
