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
export type {
  OpenStoreOptions,
  PostgresStoreOptions,
  ShopwireStore,
  SqliteStoreOptions,
  StoreStats,
} from './open-store.js';
export { openStore } from './open-store.js';
export type { CopyReport, CopyToPostgresOptions } from './copy-sqlite-to-postgres.js';
export { copySqliteToPostgres } from './copy-sqlite-to-postgres.js';
export { dropPostgresSchema } from './dialect/postgres.js';
export type { EncryptedData, Keyring, KeyringKey } from './crypto/keyring.js';
export { createKeyring, keyIdFor } from './crypto/keyring.js';
export type { KeyFile } from './crypto/load-keyring.js';
export {
  createFileKeyring,
  KEY_FILE_NAME,
  keyFromEnv,
  loadOrCreateKeyring,
  readKeyFile,
} from './crypto/load-keyring.js';
export { addKeyToKeyFile } from './crypto/rotate-key-file.js';
export type {
  AccountsRepo,
  ApiKeyScope,
  AuditEntry,
  AuditFilter,
  AuditRecord,
  AuditRepo,
  ProjectMemberRecord,
  ProjectRecord,
  ProjectRole,
  ProjectsRepo,
  TotpState,
  VaultRepo,
} from './access-types.js';
export { API_KEY_SCOPES, PROJECT_ROLES } from './access-types.js';
export { hashSecret } from './crypto/hash-secret.js';
export { CorruptRowError } from './json-column.js';
export { deterministicId } from './ids.js';
