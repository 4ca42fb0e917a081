import { describe, expect, it } from 'vitest';
import {
  isExpressionTemplate,
  referencedNodeNames,
  referencesNodesDynamically,
} from './expression-syntax.js';

describe('expression syntax', () => {
  it('recognises templates', () => {
    expect(isExpressionTemplate('Total: {{ $json.total }}')).toBe(true);
    expect(isExpressionTemplate('{{ unclosed')).toBe(false);
    expect(isExpressionTemplate('plain text')).toBe(false);
  });

  it('finds the nodes an expression reads, in every spelling', () => {
    const names = referencedNodeNames(
      `{{ $('Get order').first().json.id }} {{ $node["Price list"].json.x }} {{ $node.Lookup.json }} {{ $("It's") }}`,
    );
    expect(names.sort()).toEqual(['Get order', "It's", 'Lookup', 'Price list'].sort());
  });

  it('flags computed node names', () => {
    expect(referencesNodesDynamically('{{ $(name).first() }}')).toBe(true);
    expect(referencesNodesDynamically("{{ $('Static').first() }}")).toBe(false);
  });
});
