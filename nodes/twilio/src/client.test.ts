import { describe, expect, it } from 'vitest';
import { senderFields } from './actions/send-sms.js';
import { parseTwilioAccount, twilioError } from './client.js';

const account = parseTwilioAccount({
  accountSid: 'AC1',
  authToken: 't',
  fromNumber: '+15017122661',
  baseUrl: 'http://x/',
});

describe('twilio helpers', () => {
  it('maps Twilio errors; 20429 is retryable, validation errors are not', () => {
    const limited = twilioError(429, {
      code: 20429,
      message: 'Too Many Requests',
      more_info: 'https://www.twilio.com/docs/errors/20429',
    });
    expect(limited.retryable).toBe(true);
    expect(limited.code).toBe('TWILIO_20429');
    const invalid = twilioError(400, {
      code: 21211,
      message: "The 'To' number 1 is not a valid phone number.",
    });
    expect(invalid.retryable).toBe(false);
    expect(invalid.message).toBe("Twilio 400 (error 21211): The 'To' number 1 is not a valid phone number.");
  });

  it('picks the sender: params first, Messaging Service before From', () => {
    const base = { to: '+1', body: 'b' };
    expect(senderFields(base, account)).toEqual({ From: '+15017122661' });
    expect(senderFields({ ...base, from: '+1999' }, account)).toEqual({ From: '+1999' });
    expect(senderFields(base, { ...account, messagingServiceSid: 'MG1' })).toEqual({
      MessagingServiceSid: 'MG1',
    });
    expect(() => senderFields(base, { ...account, fromNumber: undefined })).toThrow('params.from');
    expect(account.baseUrl).toBe('http://x');
  });

  it('requires the Account SID and token', () => {
    expect(() => parseTwilioAccount({ authToken: 't' })).toThrow('credential.accountSid');
    expect(() => parseTwilioAccount({ accountSid: 'AC1' })).toThrow('credential.authToken');
  });
});
