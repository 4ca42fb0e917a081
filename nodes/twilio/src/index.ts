import { definePackage } from '@shopwire/sdk';
import type { CredentialTypeDefinition, NodeDefinition } from '@shopwire/sdk';
import { sendSms } from './actions/send-sms.js';
import { twilioAccount } from './credentials.js';

export { TWILIO_API_VERSION, twilioError } from './client.js';
export { twilioAccount } from './credentials.js';

const nodes = [sendSms] as unknown as NodeDefinition[];

export default definePackage({
  name: '@shopwire/nodes-twilio',
  nodes,
  credentials: [twilioAccount as unknown as CredentialTypeDefinition],
});
