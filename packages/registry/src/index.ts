export type {
  CredentialTypeDescription,
  LoadedPackageInfo,
  NodeRegistry,
  NodeTypeDescription,
  PackageLoadFailure,
} from './types.js';
export type { LoadNodeRegistryOptions } from './load-node-registry.js';
export { loadNodeRegistry } from './load-node-registry.js';
export { discoverPackageDirs } from './discover.js';
export { describeCredentialType, describeNodeDefinition, toJsonSchema } from './describe.js';
