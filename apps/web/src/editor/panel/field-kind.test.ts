import { describe, expect, it } from 'vitest';
import { fieldKind } from './field-kind.js';
import { defaultFor, humanize, setIn } from './schema-util.js';

describe('JSON Schema → form control', () => {
  it('maps primitive types and enums', () => {
    expect(fieldKind({ type: 'boolean' }, undefined)).toBe('switch');
    expect(fieldKind({ type: 'string', enum: ['GET', 'POST'] }, 'GET')).toBe('select');
    expect(fieldKind({ type: 'string' }, 'x')).toBe('text');
    expect(fieldKind({ type: 'integer' }, 3)).toBe('number');
    expect(fieldKind({ type: 'number' }, undefined)).toBe('number');
    expect(fieldKind({}, undefined)).toBe('text');
  });

  it('follows ui widgets and raw params', () => {
    expect(fieldKind({ type: 'string', ui: { widget: 'code' } }, '')).toBe('code');
    expect(fieldKind({ type: 'string' }, '', { raw: true })).toBe('code');
    expect(fieldKind({ ui: { widget: 'json' } }, {})).toBe('json');
    expect(fieldKind({ type: 'string', ui: { widget: 'password' } }, '')).toBe('password');
    expect(fieldKind({ type: 'string', ui: { widget: 'textarea' } }, '')).toBe('textarea');
  });

  it('maps arrays of name/value pairs, arrays of objects, nested objects and records', () => {
    const pair = { type: 'object', properties: { name: { type: 'string' }, value: {} } };
    expect(fieldKind({ type: 'array', items: pair }, [])).toBe('keyValue');
    expect(
      fieldKind({ type: 'array', items: { type: 'object', properties: { field: {}, op: {} } } }, []),
    ).toBe('rows');
    expect(fieldKind({ type: 'object', properties: { a: {} } }, {})).toBe('group');
    expect(fieldKind({ type: 'object', additionalProperties: { type: 'string' } }, {})).toBe('record');
  });

  it('an expression value turns a switch, select or text field into an expression field', () => {
    expect(fieldKind({ type: 'boolean' }, '{{ $json.ok }}')).toBe('expression');
    expect(fieldKind({ type: 'string', enum: ['a'] }, '{{ $json.m }}')).toBe('expression');
    expect(fieldKind({ type: 'number' }, '{{ 1 + 1 }}')).toBe('expression');
  });

  it('reads optional (anyOf with null) schemas as their non-null branch', () => {
    expect(fieldKind({ anyOf: [{ type: 'null' }, { type: 'boolean' }] }, undefined)).toBe('switch');
    expect(fieldKind({ type: ['null', 'number'] }, undefined)).toBe('number');
  });

  it('computes defaults, labels and immutable nested updates', () => {
    expect(
      defaultFor({
        type: 'object',
        required: ['a'],
        properties: { a: { type: 'string' }, b: { type: 'number' }, c: { default: 5 } },
      }),
    ).toEqual({ a: '', c: 5 });
    expect(defaultFor({ type: 'string', enum: ['x', 'y'] })).toBe('x');
    expect(humanize('webhookPath')).toBe('Webhook path');
    const before = { fields: [{ name: 'a' }] };
    const after = setIn(before, ['fields', 0, 'name'], 'b');
    expect(after).toEqual({ fields: [{ name: 'b' }] });
    expect(before.fields[0]?.name).toBe('a');
    expect(setIn({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
  });
});
