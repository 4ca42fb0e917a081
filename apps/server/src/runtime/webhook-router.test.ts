import { describe, expect, it } from 'vitest';
import { ValidationError } from '@shopwire/sdk';
import { normalizeWebhookPath } from './webhook-paths.js';
import { createWebhookRouter } from './webhook-router.js';

describe('normalizeWebhookPath', () => {
  it('trims and collapses slashes and keeps case', () => {
    expect(normalizeWebhookPath('/Orders//New/')).toBe('Orders/New');
  });
  it('rejects empty paths and bad params naming the field', () => {
    expect(() => normalizeWebhookPath('//', 'nodes.0.params.path')).toThrow(ValidationError);
    expect(() => normalizeWebhookPath('a/:1x')).toThrow(/path parameter/);
    expect(() => normalizeWebhookPath('a b')).toThrow(/may not contain/);
  });
});

describe('webhook router', () => {
  const router = createWebhookRouter<string>([
    { method: 'POST', path: 'orders/new', target: 'static' },
    { method: 'POST', path: 'orders/:id', target: 'param' },
    { method: 'GET', path: 'orders/:id/items/:item', target: 'nested' },
    { method: 'put', path: 'shops/:shop/orders', target: 'shop' },
  ]);

  it('prefers a static path over a param path', () => {
    expect(router.match('POST', 'orders/new')).toEqual({
      kind: 'found',
      target: 'static',
      params: {},
      path: 'orders/new',
    });
    expect(router.match('post', '/orders/42/')).toEqual({
      kind: 'found',
      target: 'param',
      params: { id: '42' },
      path: 'orders/:id',
    });
  });
  it('captures several decoded params', () => {
    const match = router.match('GET', 'orders/a%20b/items/7');
    expect(match).toEqual({
      kind: 'found',
      target: 'nested',
      params: { id: 'a b', item: '7' },
      path: 'orders/:id/items/:item',
    });
  });
  it('tells a wrong method (405) from an unknown path (404)', () => {
    expect(router.match('DELETE', 'orders/new')).toEqual({ kind: 'method-not-allowed', allowed: ['POST'] });
    expect(router.match('GET', 'nothing/here')).toEqual({ kind: 'not-found' });
    expect(router.match('PUT', 'shops/x/orders')).toMatchObject({
      kind: 'found',
      target: 'shop',
      params: { shop: 'x' },
    });
    expect(router.match('PUT', 'Orders/new')).toEqual({ kind: 'not-found' });
  });
});
