import { defineNode, z } from '@shopwire/sdk';

// loose check: 5 or 6 fields of digits, names, * / , - ? L W #
const CRON_FIELD = /^[\dA-Za-z*/,?LW#-]+$/;

const params = z
  .object({
    mode: z.enum(['cron', 'interval']).default('interval').meta({ title: 'Mode' }),
    cron: z
      .string()
      .max(200)
      .optional()
      .meta({
        title: 'Cron expression',
        description: 'minute hour day month weekday (optional seconds first)',
        ui: { placeholder: '0 9 * * 1-5' },
      }),
    intervalMinutes: z
      .number()
      .min(1 / 60)
      .max(525_600)
      .optional()
      .meta({ title: 'Every (minutes)', description: 'Default 60' }),
    intervalSeconds: z.number().int().min(1).max(31_536_000).optional().meta({ title: 'Every (seconds)' }),
    timezone: z
      .string()
      .max(64)
      .optional()
      .meta({
        title: 'Time zone',
        description: "Default: the workflow's time zone",
        ui: { placeholder: 'Europe/Paris' },
      }),
  })
  .superRefine((p, ctx) => {
    if (p.mode !== 'cron') return;
    const fields = (p.cron ?? '').trim().split(/\s+/).filter(Boolean);
    if (fields.length < 5 || fields.length > 6 || !fields.every((f) => CRON_FIELD.test(f))) {
      ctx.addIssue({
        code: 'custom',
        path: ['cron'],
        message: 'a cron expression needs 5 or 6 fields, e.g. "0 9 * * 1-5"',
      });
    }
  });

export const schedule = defineNode({
  type: 'core.schedule',
  version: 1,
  displayName: 'Schedule',
  description:
    'Starts the workflow on a cron schedule or every N minutes/seconds. Emits one item with the tick timestamp.',
  kind: 'trigger',
  group: 'Triggers',
  icon: 'clock',
  params,
  trigger: {
    type: 'schedule',
    schedule: (p) => {
      const tz = p.timezone ? { timezone: p.timezone } : {};
      if (p.mode === 'cron') return { cron: (p.cron ?? '').trim(), ...tz };
      const intervalMs =
        p.intervalSeconds !== undefined
          ? p.intervalSeconds * 1000
          : Math.round((p.intervalMinutes ?? 60) * 60_000);
      return { intervalMs, ...tz };
    },
  },
  sampleOutput: [{ json: { timestamp: '2025-01-01T09:00:00.000Z' } }],
  run: async (ctx) => (ctx.items.length ? ctx.items : [{ json: { timestamp: ctx.now().toISOString() } }]),
});
