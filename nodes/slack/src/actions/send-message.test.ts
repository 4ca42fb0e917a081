import { describe, expect, it } from 'vitest';
import { slackError } from '../errors.js';
import { parseBlocks } from './send-message.js';

describe('parseBlocks', () => {
  it('accepts arrays, JSON text and Block Kit Builder exports', () => {
    const blocks = [{ type: 'divider' }];
    expect(parseBlocks(blocks)).toEqual(blocks);
    expect(parseBlocks('[{"type":"divider"}]')).toEqual(blocks);
    expect(parseBlocks({ blocks })).toEqual(blocks);
    expect(parseBlocks('')).toBeUndefined();
  });

  it('names the offending field', () => {
    expect(() => parseBlocks('{')).toThrow('params.blocks: is not valid JSON');
    expect(() => parseBlocks({ type: 'divider' })).toThrow('params.blocks: must be a JSON array');
    expect(() => parseBlocks([{ type: 'divider' }, {}])).toThrow('params.blocks.1.type');
    expect(() => parseBlocks(Array.from({ length: 51 }, () => ({ type: 'divider' })))).toThrow('at most 50');
  });
});

describe('slackError', () => {
  it('adds a next step and marks only 429/5xx retryable', () => {
    const e = slackError(410, 'channel_is_archived\n', 2);
    expect(e.message).toBe(
      'Slack 410 channel_is_archived: the channel is archived; unarchive it or pick another channel',
    );
    expect(e.itemIndex).toBe(2);
    expect(e.retryable).toBe(false);
    expect(slackError(429, 'rate_limited').retryable).toBe(true);
  });
});
