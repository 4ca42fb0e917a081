import { NodeError } from '@shopwire/sdk';

/** Slack answers incoming-webhook errors as plain text codes; each gets a "what to do next". */
const HINTS: Record<string, string> = {
  invalid_payload: 'the JSON body is malformed; check the blocks JSON',
  no_text: 'set a text (or blocks)',
  invalid_blocks: 'a block is invalid; check the blocks JSON in Block Kit Builder',
  invalid_blocks_format: 'blocks must be a JSON array of block objects',
  too_many_attachments: 'send at most 100 attachments',
  invalid_token: 'the webhook URL is wrong or was revoked; create a new incoming webhook',
  no_service: 'the webhook was disabled or removed; create a new incoming webhook',
  no_service_id: 'the webhook URL is incomplete',
  no_team: 'the workspace was deleted or the app uninstalled',
  team_disabled: 'the workspace is disabled',
  channel_not_found: 'the channel was deleted; create a new incoming webhook for another channel',
  channel_is_archived: 'the channel is archived; unarchive it or pick another channel',
  action_prohibited: 'a workspace admin restricted posting to this channel',
  posting_to_general_channel_denied: 'only admins may post to #general',
  rate_limited: 'Slack allows about one message per second per webhook',
};

export function slackError(status: number, body: unknown, itemIndex?: number): NodeError {
  const code = typeof body === 'string' && body.trim() !== '' ? body.trim().slice(0, 100) : `HTTP ${status}`;
  const hint = HINTS[code];
  return new NodeError(`Slack ${status} ${code}${hint ? `: ${hint}` : ''}`, {
    code: status === 403 || status === 404 || status === 410 ? 'SLACK_WEBHOOK_UNUSABLE' : 'SLACK_ERROR',
    httpStatus: status,
    retryable: status === 429 || status >= 500,
    ...(itemIndex === undefined ? {} : { itemIndex }),
  });
}
