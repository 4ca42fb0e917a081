import { runCli } from './cli/run-cli.js';

// The process entry (bin/shopwire.js imports this). `start` keeps running; other commands exit.
const code = await runCli({ argv: process.argv.slice(2), env: process.env });
if (code >= 0) process.exit(code);
