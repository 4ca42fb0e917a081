import { definePackage } from '@shopwire/sdk';
import type { CredentialTypeDefinition, NodeDefinition } from '@shopwire/sdk';
import { sendEmail } from './actions/send-email.js';
import { smtpCredential } from './credentials.js';

export { splitAddresses } from './actions/send-email.js';
export { smtpCredential } from './credentials.js';
export { buildCsv, csvField } from './csv.js';
export { htmlToText } from './html-to-text.js';

const nodes = [sendEmail] as unknown as NodeDefinition[];

export default definePackage({
  name: '@shopwire/nodes-email',
  nodes,
  credentials: [smtpCredential as unknown as CredentialTypeDefinition],
});
