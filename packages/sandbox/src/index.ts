export { createSandboxPool } from './sandbox-pool.js';
export type { SandboxPool, SandboxPoolOptions } from './sandbox-pool.js';
