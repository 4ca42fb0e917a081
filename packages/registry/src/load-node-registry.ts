import { pathToFileURL } from 'node:url';
import type { CredentialTypeDefinition, Logger, NodeDefinition } from '@shopwire/sdk';
import { describeCredentialType, describeNodeDefinition } from './describe.js';
import { readManifest } from './read-manifest.js';
import type { LoadedPackageInfo, NodeRegistry, NodeTypeDescription, PackageLoadFailure } from './types.js';
import { validateNodePackage } from './validate-package.js';

export interface LoadNodeRegistryOptions {
  /** directories of node packages: built-ins (`nodes/*`) first, then installed third-party ones */
  packageDirs: string[];
  logger?: Logger;
  /** load TypeScript sources through the `source` export condition (tests) */
  useSourceCondition?: boolean;
}

interface Entry<T> {
  def: T;
  packageName: string;
}

/**
 * Loads every node package in `packageDirs`. A broken package (or a node whose type is already
 * taken) is recorded in `failures()` and skipped; this never throws, so one bad plugin cannot
 * stop the server.
 */
export async function loadNodeRegistry(options: LoadNodeRegistryOptions): Promise<NodeRegistry> {
  const nodes = new Map<string, Map<number, Entry<NodeDefinition>>>();
  const credentials = new Map<string, Entry<CredentialTypeDefinition>>();
  const loaded: LoadedPackageInfo[] = [];
  const failures: PackageLoadFailure[] = [];
  const fail = (failure: PackageLoadFailure): void => {
    failures.push(failure);
    options.logger?.warn('node package skipped', { package: failure.package, error: failure.error });
  };

  for (const dir of options.packageDirs) {
    const manifest = readManifest(dir, { useSourceCondition: options.useSourceCondition ?? false });
    if (manifest.kind === 'failed') {
      fail({ package: manifest.package, error: manifest.error });
      continue;
    }
    if (manifest.kind === 'ignored') {
      options.logger?.debug('not a node package (no "shopwire" field in package.json)', {
        package: manifest.name,
      });
      continue;
    }
    let pkg;
    try {
      const mod = (await import(pathToFileURL(manifest.entry).href)) as { default?: unknown };
      pkg = validateNodePackage(mod.default);
    } catch (error) {
      fail({
        package: manifest.name,
        error: `cannot load: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    const packageName = manifest.name;
    let nodeCount = 0;
    for (const def of pkg.nodes) {
      const versions = nodes.get(def.type) ?? new Map<number, Entry<NodeDefinition>>();
      const taken = versions.get(def.version);
      if (taken) {
        fail({
          package: packageName,
          error: `node ${def.type}@${def.version} is already provided by ${taken.packageName}; this one is skipped`,
        });
        continue;
      }
      versions.set(def.version, { def, packageName });
      nodes.set(def.type, versions);
      nodeCount++;
    }
    let credentialCount = 0;
    for (const def of pkg.credentials ?? []) {
      const taken = credentials.get(def.type);
      if (taken) {
        fail({
          package: packageName,
          error: `credential type ${def.type} is already provided by ${taken.packageName}; this one is skipped`,
        });
        continue;
      }
      credentials.set(def.type, { def, packageName });
      credentialCount++;
    }
    loaded.push({
      name: packageName,
      version: manifest.version,
      builtin: manifest.builtin,
      nodes: nodeCount,
      credentials: credentialCount,
    });
    options.logger?.debug('node package loaded', {
      package: packageName,
      nodes: nodeCount,
      credentials: credentialCount,
    });
  }

  const findEntry = (type: string, version?: number): Entry<NodeDefinition> | undefined => {
    const versions = nodes.get(type);
    if (!versions) return undefined;
    if (version !== undefined) return versions.get(version);
    return versions.get(Math.max(...versions.keys()));
  };
  const descriptions = new Map<string, NodeTypeDescription>();
  const describe = (entry: Entry<NodeDefinition>): NodeTypeDescription => {
    const key = `${entry.def.type}@${entry.def.version}`;
    let description = descriptions.get(key);
    if (!description) {
      description = describeNodeDefinition(entry.def, entry.packageName);
      descriptions.set(key, description);
    }
    return description;
  };
  const latest = (): Entry<NodeDefinition>[] => [...nodes.keys()].map((type) => findEntry(type)!);

  return {
    getNode: (type, version) => findEntry(type, version)?.def,
    listNodes: () => latest().map((entry) => entry.def),
    describeNode: (type, version) => {
      const entry = findEntry(type, version);
      return entry ? describe(entry) : undefined;
    },
    describeAll: () => latest().map(describe),
    getCredentialType: (type) => credentials.get(type)?.def,
    listCredentialTypes: () =>
      [...credentials.values()].map((entry) => describeCredentialType(entry.def, entry.packageName)),
    packages: () => loaded.map((info) => ({ ...info })),
    failures: () => failures.map((failure) => ({ ...failure })),
  };
}
