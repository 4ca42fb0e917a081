import { definePackage } from '@shopwire/sdk';
import type { CredentialTypeDefinition, NodeDefinition } from '@shopwire/sdk';
import { appendRows } from './actions/append-rows.js';
import { readRange } from './actions/read-range.js';
import { googleSheetsOAuth } from './credentials.js';

export { SHEETS_API_VERSION, sheetsError } from './client.js';
export { googleSheetsOAuth } from './credentials.js';

const nodes = [appendRows, readRange] as unknown as NodeDefinition[];

export default definePackage({
  name: '@shopwire/nodes-google-sheets',
  nodes,
  credentials: [googleSheetsOAuth as unknown as CredentialTypeDefinition],
});
