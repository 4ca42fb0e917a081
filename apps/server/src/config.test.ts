import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, configDocs, loadConfig } from './config.js';

const dirs: string[] = [];
function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('applies defaults and creates the data folder', () => {
    const cwd = tmp();
    const config = loadConfig({ env: {}, cwd });
    expect(config.port).toBe(5800);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe(path.join(cwd, 'data'));
    expect(fs.existsSync(config.dataDir)).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:5800');
    expect(config.maxBodyBytes).toBe(16 * 1024 * 1024);
    expect(config.pruneEnabled).toBe(true);
    expect(config.nodePackagesDir).toBe(path.join(cwd, 'data', 'nodes', 'node_modules'));
    expect(config.secureCookies).toBe('auto');
  });

  it('parses values and strips a trailing slash from the public URL', () => {
    const config = loadConfig({
      env: {
        PORT: '6000',
        SHOPWIRE_PUBLIC_URL: 'https://shop.example.com/',
        SHOPWIRE_PRUNE_ENABLED: 'false',
        SHOPWIRE_LOG_LEVEL: 'DEBUG',
      },
      cwd: tmp(),
    });
    expect(config.port).toBe(6000);
    expect(config.publicUrl).toBe('https://shop.example.com');
    expect(config.pruneEnabled).toBe(false);
    expect(config.logLevel).toBe('debug');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['SHOPWIRE_CONCURRENCY', '0'],
    ['SHOPWIRE_PUBLIC_URL', 'ftp://x'],
    ['SHOPWIRE_PRUNE_ENABLED', 'maybe'],
    ['SHOPWIRE_LOG_LEVEL', 'loud'],
    ['SHOPWIRE_SECURE_COOKIES', 'sometimes'],
    ['SHOPWIRE_ENCRYPTION_KEY', 'short'],
    ['SHOPWIRE_DB_URL', 'mysql://x'],
    ['SHOPWIRE_QUEUE', 'kafka'],
    ['SHOPWIRE_QUEUE', 'redis'], // without SHOPWIRE_DB_URL
    ['SHOPWIRE_REDIS_URL', 'http://x'],
    ['SHOPWIRE_QUEUE_LOCK_MS', '10'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    let caught: unknown;
    try {
      loadConfig({ env: { [name]: value }, cwd: tmp() });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(name);
    expect((caught as Error).message).toContain(name);
  });

  it('reads queue mode: PostgreSQL URL, Redis URL, prefix and lock', () => {
    const config = loadConfig({
      env: {
        SHOPWIRE_QUEUE: 'redis',
        SHOPWIRE_DB_URL: 'postgres://postgres@127.0.0.1:5432/test',
        SHOPWIRE_ENCRYPTION_KEY: 'a-key-of-at-least-16-chars',
        SHOPWIRE_DB_SCHEMA: 'shop_a',
        SHOPWIRE_REDIS_PREFIX: 'shop-a',
        SHOPWIRE_QUEUE_LOCK_MS: '2000',
      },
      cwd: tmp(),
    });
    expect(config).toMatchObject({
      queue: 'redis',
      dbUrl: 'postgres://postgres@127.0.0.1:5432/test',
      dbSchema: 'shop_a',
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'shop-a',
      queueLockMs: 2000,
    });
    expect(loadConfig({ env: {}, cwd: tmp() })).toMatchObject({ queue: 'memory', dbUrl: undefined });
    // unset: the per-project cap is the process's own concurrency (a worker's --concurrency too)
    expect(loadConfig({ env: {}, cwd: tmp() }).projectConcurrency).toBeUndefined();
    expect(loadConfig({ env: { SHOPWIRE_PROJECT_CONCURRENCY: '3' }, cwd: tmp() }).projectConcurrency).toBe(3);
  });

  it('documents every variable', () => {
    const names = configDocs.map((d) => d.name);
    expect(names).toContain('SHOPWIRE_DATA_DIR');
    expect(names).toHaveLength(37);
    for (const doc of configDocs) expect(doc.description.length).toBeGreaterThan(5);
    // README's table and docs/configuration.md name every variable with its default
    const root = path.resolve(import.meta.dirname, '../../..');
    for (const file of ['README.md', 'docs/configuration.md']) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      for (const doc of configDocs) {
        const row = text.split('\n').find((line) => line.startsWith(`| \`${doc.name}\` |`));
        expect({ file, name: doc.name, documented: row !== undefined }).toEqual({
          file,
          name: doc.name,
          documented: true,
        });
        if (doc.default !== '(unset)') expect(row).toContain(doc.default);
      }
    }
  });
});
