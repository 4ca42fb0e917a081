import { definePackage } from '@shopwire/sdk';
import type { CredentialTypeDefinition, NodeDefinition } from '@shopwire/sdk';
import { addProfileToList } from './actions/add-profile-to-list.js';
import { createEvent } from './actions/create-event.js';
import { getProfiles } from './actions/get-profiles.js';
import { upsertProfile } from './actions/upsert-profile.js';
import { klaviyoApiKey } from './credentials.js';

export { KLAVIYO_REVISION, klaviyoError } from './client.js';
export { klaviyoApiKey } from './credentials.js';

const nodes = [upsertProfile, createEvent, addProfileToList, getProfiles] as unknown as NodeDefinition[];

export default definePackage({
  name: '@shopwire/nodes-klaviyo',
  nodes,
  credentials: [klaviyoApiKey as unknown as CredentialTypeDefinition],
});
