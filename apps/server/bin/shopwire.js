#!/usr/bin/env node
// Tiny launcher: the CLI is the built dist/main.js.
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('shopwire: the server is not built (apps/server/dist/main.js is missing): run npm run build');
  process.exit(1);
}
await import(main.href);
