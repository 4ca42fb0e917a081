import type { CredentialTypeDefinition } from './define-credential.js';
import type { NodeDefinition } from './define-node.js';

/** The plugin API version a node package is written against (`shopwire.apiVersion` in package.json). */
export const NODE_PACKAGE_API_VERSION = 1;

/**
 * What a node package's entry module exports as default. Built-in nodes and third-party npm
 * packages use the same shape; package.json carries `"shopwire": { "apiVersion": 1 }`.
 */
export interface NodePackage {
  name: string;
  nodes: NodeDefinition[];
  credentials?: CredentialTypeDefinition[];
}

export function definePackage(pkg: NodePackage): NodePackage {
  const seen = new Set<string>();
  for (const node of pkg.nodes) {
    const key = `${node.type}@${node.version}`;
    if (seen.has(key)) throw new Error(`package ${pkg.name}: node ${key} is declared twice`);
    seen.add(key);
  }
  return pkg;
}
