import { z } from '@shopwire/sdk';

export const spreadsheetIdParam = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9_-]{10,200}$/,
    'must be the id from the sheet URL (docs.google.com/spreadsheets/d/<id>/edit)',
  )
  .meta({ title: 'Spreadsheet id' });

export const rangeParam = (placeholder: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(500)
    .refine((v) => !/[\r\n]/.test(v), 'must be an A1 range like Sheet1!A1:D')
    .meta({ title: 'Range (A1)', ui: { placeholder } });
