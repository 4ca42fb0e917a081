export type { RunStateHolder, TestContext, TestContextOptions } from './node-context.js';
export { createTestContext, items, outputJson, runNode } from './node-context.js';
export type { SeenRequest } from './http-server.js';
export { json, startServer } from './http-server.js';
