export type {
  ApiKeyRecord,
  CredentialRecord,
  ExecutionFilter,
  ExecutionRecord,
  NewExecution,
  PruneOptions,
  Role,
  ScheduleRecord,
  Store,
  StoredJson,
  UserRecord,
  VariableRecord,
  WebhookRegistration,
  WorkflowRecord,
  WorkflowVersionRecord,
} from './store-types.js';
export type { OpenStoreOptions, ShopwireStore, StoreStats } from './open-store.js';
export { openStore } from './open-store.js';
export type { EncryptedData, Keyring, KeyringKey } from './crypto/keyring.js';
export { createKeyring, keyIdFor } from './crypto/keyring.js';
export { KEY_FILE_NAME, keyFromEnv, loadOrCreateKeyring } from './crypto/load-keyring.js';
export { hashSecret } from './crypto/hash-secret.js';
export { CorruptRowError } from './json-column.js';
