import { ValidationError } from '@shopwire/sdk';

/** Re-throws a ValidationError with its field names under `prefix` (e.g. `document.nodes.0.type`). */
export function underField<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ValidationError) {
      const join = (field: string) => (field ? `${prefix}.${field}` : prefix);
      const message =
        error.field && error.message.startsWith(`${error.field}: `)
          ? error.message.slice(error.field.length + 2)
          : error.message;
      throw new ValidationError(
        join(error.field),
        message,
        error.issues.map((i) => ({ field: join(i.field), message: i.message })),
      );
    }
    throw error;
  }
}
