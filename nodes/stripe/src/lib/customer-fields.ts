import { z } from '@shopwire/sdk';
import { metadataParam } from './params.js';
import { compact } from './run-per-item.js';

/** Fields shared by create and update customer. */
export const customerFields = {
  name: z.string().max(256).optional().meta({ title: 'Name' }),
  phone: z.string().max(20).optional().meta({ title: 'Phone' }),
  description: z.string().max(350).optional().meta({ title: 'Description' }),
  metadata: metadataParam,
};

export function customerForm(p: {
  email?: string | undefined;
  name?: string | undefined;
  phone?: string | undefined;
  description?: string | undefined;
  metadata?: Record<string, string | number | boolean> | undefined;
}): Record<string, unknown> {
  return compact({
    email: p.email,
    name: p.name,
    phone: p.phone,
    description: p.description,
    metadata: p.metadata,
  });
}
