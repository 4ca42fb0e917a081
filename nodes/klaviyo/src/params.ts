import { z } from '@shopwire/sdk';

/** An object param that may also arrive as JSON text (editor text field or an expression result). */
export function jsonObjectParam(title: string, description?: string) {
  return z
    .preprocess(
      (value) => {
        if (typeof value !== 'string') return value;
        if (value.trim() === '') return {};
        try {
          return JSON.parse(value) as unknown;
        } catch {
          return value; // fails below with "expected record"
        }
      },
      z.record(z.string(), z.unknown()),
    )
    .default({})
    .meta({ title, ui: { widget: 'json' }, ...(description ? { description } : {}) });
}

export const emailParam = z
  .email()
  .max(320)
  .meta({ title: 'Email', ui: { placeholder: '{{ $json.email }}' } });
