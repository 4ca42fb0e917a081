import { definePackage } from '@shopwire/sdk';
import type { CredentialTypeDefinition, NodeDefinition } from '@shopwire/sdk';
import { sendMessage } from './actions/send-message.js';
import { slackIncomingWebhook } from './credentials.js';

export { parseBlocks } from './actions/send-message.js';
export { slackIncomingWebhook } from './credentials.js';
export { slackError } from './errors.js';

const nodes = [sendMessage] as unknown as NodeDefinition[];

export default definePackage({
  name: '@shopwire/nodes-slack',
  nodes,
  credentials: [slackIncomingWebhook as unknown as CredentialTypeDefinition],
});
