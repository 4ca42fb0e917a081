import { randomBytes } from 'node:crypto';
import { FakeRouter, FixedWindow, startFake } from '../shared/index.js';
import type { FakeRequest, FakeResponse } from '../shared/index.js';

/**
 * Local fake of Twilio's Programmable Messaging REST API (2010-04-01): account fetch, send and
 * list messages (PageSize / next_page_uri), Basic auth (20003), validation errors (21211, 21602,
 * 21603, 21604, 21617) and 429 / 20429 rate limiting. Sent messages are kept for assertions.
 */

export const DEFAULT_ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
export const DEFAULT_AUTH_TOKEN = 'twilio_test_token';

export interface TwilioMessage {
  sid: string;
  account_sid: string;
  to: string;
  from: string | null;
  messaging_service_sid: string | null;
  body: string;
  status: 'queued' | 'accepted';
  num_segments: string;
  direction: 'outbound-api';
  api_version: '2010-04-01';
  date_created: string;
  date_updated: string;
  date_sent: null;
  error_code: null;
  error_message: null;
  price: null;
  price_unit: 'USD';
  uri: string;
}

export interface TwilioFakeOptions {
  port?: number;
  accountSid?: string;
  authToken?: string;
  /** messages accepted per window before 429 / 20429 (default: unlimited) */
  rateLimit?: { limit: number; windowMs: number };
}

const E164 = /^\+[1-9]\d{6,14}$/;

const twilioError = (
  status: number,
  code: number,
  message: string,
  headers?: Record<string, string>,
): FakeResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
});

/** GSM-7 texts fit 160 chars (153 per part when split); anything else is UCS-2 (70 / 67). */
export function segmentCount(body: string): number {
  const gsm = /^[\x20-\x7E\n\r£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉÄÖÑÜ§¿äöñüà€]*$/.test(body);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  return body.length <= single ? 1 : Math.ceil(body.length / part);
}

export async function startTwilioFake(options: TwilioFakeOptions = {}) {
  const accountSid = options.accountSid ?? DEFAULT_ACCOUNT_SID;
  const authToken = options.authToken ?? DEFAULT_AUTH_TOKEN;
  const window = options.rateLimit
    ? new FixedWindow(options.rateLimit.limit, options.rateLimit.windowMs)
    : undefined;
  const state = { messages: [] as TwilioMessage[], rateLimited: 0 };

  const authorized = (req: FakeRequest, sid: string | undefined): FakeResponse | undefined => {
    const header = req.headers.authorization ?? '';
    const decoded = header.startsWith('Basic ')
      ? Buffer.from(header.slice(6), 'base64').toString('utf8')
      : '';
    if (decoded !== `${accountSid}:${authToken}`)
      return twilioError(401, 20003, 'Authenticate', { 'www-authenticate': 'Basic realm="Twilio API"' });
    if (sid !== accountSid)
      return twilioError(404, 20404, `The requested resource ${req.path} was not found`);
    return undefined;
  };

  const send = (req: FakeRequest): FakeResponse => {
    const denied = authorized(req, req.params.sid);
    if (denied) return denied;
    if (window && !window.take()) {
      state.rateLimited++;
      return twilioError(429, 20429, 'Too Many Requests');
    }
    const f = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, string>;
    if (!f.To) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (!E164.test(f.To))
      return twilioError(400, 21211, `The 'To' number ${f.To} is not a valid phone number.`);
    if (!f.From && !f.MessagingServiceSid)
      return twilioError(
        400,
        21603,
        "A 'From' or 'MessagingServiceSid' parameter is required to send a message.",
      );
    if (f.From && !E164.test(f.From))
      return twilioError(
        400,
        21212,
        `The 'From' number ${f.From} is not a valid phone number, shortcode, or alphanumeric sender ID.`,
      );
    if (f.MessagingServiceSid && !/^MG[0-9a-fA-F]{32}$/.test(f.MessagingServiceSid))
      return twilioError(400, 21701, `The Messaging Service Sid ${f.MessagingServiceSid} is invalid.`);
    if (!f.Body) return twilioError(400, 21602, 'Message body is required.');
    if (f.Body.length > 1600)
      return twilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    const sid = `SM${randomBytes(16).toString('hex')}`;
    const now = new Date().toUTCString().replace('GMT', '+0000');
    const message: TwilioMessage = {
      sid,
      account_sid: accountSid,
      to: f.To,
      from: f.From ?? null,
      messaging_service_sid: f.MessagingServiceSid ?? null,
      body: f.Body,
      // a Messaging Service picks the sender later: Twilio answers "accepted" instead of "queued"
      status: f.From ? 'queued' : 'accepted',
      num_segments: String(segmentCount(f.Body)),
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: now,
      date_updated: now,
      date_sent: null,
      error_code: null,
      error_message: null,
      price: null,
      price_unit: 'USD',
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
    };
    state.messages.push(message);
    return { status: 201, body: message };
  };

  const list = (req: FakeRequest): FakeResponse => {
    const denied = authorized(req, req.params.sid);
    if (denied) return denied;
    const size = Math.min(1000, Math.max(1, Number(req.query.get('PageSize') ?? 50) || 50));
    const page = Math.max(0, Number(req.query.get('Page') ?? 0) || 0);
    const newestFirst = [...state.messages].reverse();
    const slice = newestFirst.slice(page * size, page * size + size);
    const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
    const more = (page + 1) * size < newestFirst.length;
    return {
      status: 200,
      body: {
        messages: slice,
        page,
        page_size: size,
        start: page * size,
        end: page * size + Math.max(0, slice.length - 1),
        uri: `${path}?PageSize=${size}&Page=${page}`,
        first_page_uri: `${path}?PageSize=${size}&Page=0`,
        next_page_uri: more
          ? `${path}?PageSize=${size}&Page=${page + 1}&PageToken=PA${slice.at(-1)?.sid ?? ''}`
          : null,
        previous_page_uri: page > 0 ? `${path}?PageSize=${size}&Page=${page - 1}` : null,
      },
    };
  };

  const router = new FakeRouter()
    .on('GET', '/2010-04-01/Accounts/:file', (req) => {
      const denied = authorized(req, req.params.file?.replace(/\.json$/, ''));
      return (
        denied ?? {
          status: 200,
          body: {
            sid: accountSid,
            friendly_name: 'Demo Boutique',
            status: 'active',
            type: 'Full',
            date_created: 'Mon, 06 Jan 2025 10:00:00 +0000',
          },
        }
      );
    })
    .on('POST', '/2010-04-01/Accounts/:sid/Messages.json', send)
    .on('GET', '/2010-04-01/Accounts/:sid/Messages.json', list);

  const fake = await startFake({
    router,
    ...(options.port === undefined ? {} : { port: options.port }),
    notFound: (req) => twilioError(404, 20404, `The requested resource ${req.path} was not found`),
  });
  return { url: fake.url, state, received: fake.received, accountSid, authToken, close: () => fake.close() };
}

export type TwilioFake = Awaited<ReturnType<typeof startTwilioFake>>;
