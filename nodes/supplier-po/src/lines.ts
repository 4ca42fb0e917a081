import { ValidationError, validationErrorFromIssues, z } from '@shopwire/sdk';
import type { Item } from '@shopwire/sdk';

/** One shortage line as it comes from analytics / the shop: a SKU under its reorder point. */
const lineSchema = z.object({
  sku: z.string().trim().min(1).max(200),
  title: z.string().trim().max(500).optional(),
  quantity: z.coerce.number().finite().positive(),
  unitCost: z.coerce.number().finite().min(0),
  supplier: z.string().trim().min(1).max(320),
  supplierEmail: z.string().trim().max(320).optional(),
});

export interface ShortageLine {
  sku: string;
  title: string;
  /** whole units: fractional EOQs are rounded up */
  quantity: number;
  unitCostCents: number;
  supplier: string;
  supplierEmail?: string;
  itemIndex: number;
}

export function readShortages(items: Item[]): ShortageLine[] {
  return items.map((item, i) => {
    const parsed = lineSchema.safeParse(item.json);
    if (!parsed.success) throw validationErrorFromIssues(parsed.error.issues, `items.${i}`);
    const d = parsed.data;
    const quantity = Math.ceil(d.quantity - 1e-9);
    if (quantity > 1_000_000)
      throw new ValidationError(`items.${i}.quantity`, 'is implausibly large (over 1,000,000)');
    return {
      sku: d.sku,
      title: d.title || d.sku,
      quantity,
      unitCostCents: Math.round(d.unitCost * 100),
      supplier: d.supplier,
      ...(d.supplierEmail ? { supplierEmail: d.supplierEmail } : {}),
      itemIndex: i,
    };
  });
}
