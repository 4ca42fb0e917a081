import type { Context } from 'hono';
import { MAX_JSON_DEPTH, ValidationError, jsonDepthExceeds, validationErrorFromIssues } from '@shopwire/sdk';
import type { z } from '@shopwire/sdk';
import { ApiError } from '../errors.js';

/** Strict request body and query parsing: every failure is a 4xx naming the field. */

/** The JSON body, or undefined when empty. Non-JSON content types are refused (also a CSRF guard). */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z0-9.+-]*\+)?json\b/i.test(type)) {
    throw new ApiError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'body: send JSON with Content-Type: application/json',
      'body',
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ValidationError('body', `malformed JSON (${(error as Error).message})`);
  }
  if (jsonDepthExceeds(body))
    throw new ValidationError('body', `nested deeper than ${MAX_JSON_DEPTH} levels`);
  return body;
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationErrorFromIssues(result.error.issues, prefix);
  return result.data;
}

export function queryObject(c: Context): Record<string, string> {
  return c.req.query();
}
