import { defineNode, z } from '@shopwire/sdk';

const UNIT_MS = { seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

export const wait = defineNode({
  type: 'core.wait',
  version: 1,
  displayName: 'Wait',
  description:
    'Pauses the execution for a while or until a date, then continues with the same items. Long waits survive restarts.',
  kind: 'transform',
  group: 'Flow',
  icon: 'hourglass',
  params: z.object({
    mode: z.enum(['duration', 'until']).default('duration').meta({ title: 'Wait' }),
    amount: z.number().min(0).max(1_000_000).default(1).meta({ title: 'Amount' }),
    unit: z.enum(['seconds', 'minutes', 'hours', 'days']).default('minutes').meta({ title: 'Unit' }),
    until: z
      .string()
      .max(100)
      .optional()
      .meta({
        title: 'Until (date)',
        description: 'ISO date; a past or invalid date continues at once',
        ui: { placeholder: '2025-12-24T09:00:00Z' },
      }),
  }),
  run: async (ctx) => {
    const p = ctx.params;
    const now = ctx.now().getTime();
    let until = now + p.amount * UNIT_MS[p.unit];
    if (p.mode === 'until') {
      const at = p.until ? Date.parse(p.until) : Number.NaN;
      until = Number.isNaN(at) ? now : Math.max(now, at);
      if (Number.isNaN(at)) ctx.logger.warn('Wait: "until" is not a valid date, continuing now');
    }
    return { wait: { until: new Date(until).toISOString() }, items: ctx.items };
  },
});
