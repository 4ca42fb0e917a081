import { z } from '@shopwire/sdk';
import { compact } from './params.js';

export const customerFields = {
  givenName: z.string().max(300).optional().meta({ title: 'Given name' }),
  familyName: z.string().max(300).optional().meta({ title: 'Family name' }),
  emailAddress: z.email().optional().meta({ title: 'Email' }),
  phoneNumber: z.string().max(30).optional().meta({ title: 'Phone' }),
  referenceId: z
    .string()
    .max(100)
    .optional()
    .meta({ title: 'Reference id', description: 'Your own customer id' }),
  note: z.string().max(1000).optional().meta({ title: 'Note' }),
};

export function customerBody(
  p: Partial<Record<keyof typeof customerFields, string | undefined>>,
): Record<string, unknown> {
  return compact({
    given_name: p.givenName,
    family_name: p.familyName,
    email_address: p.emailAddress,
    phone_number: p.phoneNumber,
    reference_id: p.referenceId,
    note: p.note,
  });
}
