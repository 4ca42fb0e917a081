import type { JsonSchema } from '../types.js';

/** Props shared by the generated params form and its fields. */

export type FormPath = (string | number)[];
export interface FormProps {
  nodeId: string;
  errors: ReadonlyMap<string, string> | undefined;
  readOnly: boolean;
  onChange(path: FormPath, value: unknown): void;
  onFieldError(path: string, message: string | undefined): void;
}

export interface FieldProps extends FormProps {
  path: FormPath;
  name: string;
  schema: JsonSchema;
  value: unknown;
  required: boolean;
  raw?: boolean;
  /** label override (rows) */
  label?: string;
}
