import type { CredentialTypeDefinition, NodeDefinition, NodeGroup, NodeKind } from '@shopwire/sdk';

/** JSON-serialisable description of a node type for the API and the editor's palette and forms. */
export interface NodeTypeDescription {
  type: string;
  version: number;
  displayName: string;
  description: string;
  kind: NodeKind;
  group: NodeGroup;
  icon?: string;
  /** number of inputs with default params */
  inputs: number;
  /** output names with default params; `dynamicOutputs` when they depend on params (switch) */
  outputs: string[];
  dynamicOutputs: boolean;
  loop: boolean;
  credentials: { name: string; type: string[]; required: boolean }[];
  idempotent: boolean;
  trigger?: string;
  /** JSON Schema of the params (zod → JSON Schema, with `.meta()` UI hints kept) */
  paramsSchema: Record<string, unknown>;
  rawParams: string[];
  package: string;
}

export interface CredentialTypeDescription {
  type: string;
  displayName: string;
  description?: string;
  schema: Record<string, unknown>;
  secretFields: string[];
  testable: boolean;
  package: string;
}

export interface LoadedPackageInfo {
  name: string;
  version: string;
  builtin: boolean;
  nodes: number;
  credentials: number;
}

export interface PackageLoadFailure {
  /** package name, or the directory when package.json could not be read */
  package: string;
  error: string;
}

export interface NodeRegistry {
  /** the given version, or the latest version when omitted */
  getNode(type: string, version?: number): NodeDefinition | undefined;
  /** latest version of every node type */
  listNodes(): NodeDefinition[];
  describeNode(type: string, version?: number): NodeTypeDescription | undefined;
  describeAll(): NodeTypeDescription[];
  getCredentialType(type: string): CredentialTypeDefinition | undefined;
  listCredentialTypes(): CredentialTypeDescription[];
  packages(): LoadedPackageInfo[];
  failures(): PackageLoadFailure[];
}
