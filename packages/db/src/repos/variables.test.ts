import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '@shopwire/sdk';
import { forEachDialect, tempStore, type TempStore } from '../test-helpers.js';

forEachDialect('variables', (dialect) => {
  let t: TempStore;
  afterEach(() => t.cleanup());

  describe('variables', () => {
    it('set upserts by project + key (stable id), list, asMap, delete', async () => {
      t = await tempStore({ dialect });
      const a = await t.store.variables.set('default', 'SHOP_NAME', 'Acme');
      const b = await t.store.variables.set('default', 'CURRENCY', 'EUR');
      await t.store.variables.set('p2', 'SHOP_NAME', 'Other');
      const a2 = await t.store.variables.set('default', 'SHOP_NAME', 'Acme GmbH');
      expect(a2.id).toBe(a.id);
      expect(await t.store.variables.list('default')).toEqual([b, a2]);
      expect(await t.store.variables.asMap('default')).toEqual({ CURRENCY: 'EUR', SHOP_NAME: 'Acme GmbH' });
      expect(await t.store.variables.asMap('p2')).toEqual({ SHOP_NAME: 'Other' });
      expect(await t.store.variables.delete(b.id)).toBe(true);
      expect(await t.store.variables.delete(b.id)).toBe(false);
      expect(await t.store.variables.asMap('default')).toEqual({ SHOP_NAME: 'Acme GmbH' });
      await expect(t.store.variables.set('default', '', 'x')).rejects.toThrow(ValidationError);
    });
  });
});
