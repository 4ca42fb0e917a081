import { ValidationError } from '@shopwire/sdk';

/** `/Orders//:id/` → `Orders/:id`. Case is kept: URLs are case-sensitive. */
export function normalizeWebhookPath(path: string, field = 'path'): string {
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.length === 0)
    throw new ValidationError(field, 'the webhook path is empty; give it a name like "orders/new"');
  for (const segment of segments) {
    if (/[\s?#%]/.test(segment)) {
      throw new ValidationError(
        field,
        `webhook path segment "${segment}" may not contain spaces, "?", "#" or "%"`,
      );
    }
    if (segment.startsWith(':') && !/^:[A-Za-z_][\w]*$/.test(segment)) {
      throw new ValidationError(
        field,
        `path parameter "${segment}" must look like ":name" (letters, digits, _)`,
      );
    }
  }
  return segments.join('/');
}

/** Splits a request path (after /webhook/) into decoded segments. */
export function requestPathSegments(path: string): string[] {
  const out: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    if (raw.includes('%')) {
      try {
        out.push(decodeURIComponent(raw));
      } catch {
        out.push(raw);
      }
    } else out.push(raw);
  }
  return out;
}

export function hasPathParams(path: string): boolean {
  return path.split('/').some((s) => s.startsWith(':'));
}
