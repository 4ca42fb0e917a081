import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { parseEmail } from './mime.js';
import type { ParsedEmail } from './mime.js';

/**
 * A real SMTP server on 127.0.0.1 (smtp-server) that keeps every message it receives, raw and
 * parsed (from, to, subject, text, html, attachments decoded), so tests read what was sent.
 * AUTH PLAIN/LOGIN against `users`; a wrong password gets 535. `secure: true` = implicit TLS
 * (smtp-server's built-in self-signed certificate); otherwise plain text without STARTTLS.
 */

export interface ReceivedEmail extends ParsedEmail {
  envelope: { from: string; to: string[] };
  /** the user that authenticated, if any */
  user?: string;
  raw: Buffer;
}

export interface SmtpFakeOptions {
  port?: number;
  /** user → password; empty = no AUTH required */
  users?: Record<string, string>;
  secure?: boolean;
  /** reject RCPT TO for these addresses with 550 */
  rejectRecipients?: string[];
}

export const DEFAULT_SMTP_USER = 'shop@demo-boutique.test';
export const DEFAULT_SMTP_PASSWORD = 'smtp-test-password';

export async function startSmtpFake(options: SmtpFakeOptions = {}) {
  const users = options.users ?? { [DEFAULT_SMTP_USER]: DEFAULT_SMTP_PASSWORD };
  const requireAuth = Object.keys(users).length > 0;
  const messages: ReceivedEmail[] = [];
  const state = { messages, connections: 0, authFailures: 0 };
  const reject = new Set((options.rejectRecipients ?? []).map((a) => a.toLowerCase()));

  const server = new SMTPServer({
    secure: options.secure ?? false,
    // no STARTTLS on the plain port: the self-signed certificate would make clients fail verification
    disabledCommands: options.secure ? [] : ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: !requireAuth,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    size: 25 * 1024 * 1024,
    onConnect(_session, callback) {
      state.connections++;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (users[auth.username ?? ''] !== undefined && users[auth.username ?? ''] === auth.password)
        return callback(null, { user: auth.username });
      state.authFailures++;
      return callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (reject.has(address.address.toLowerCase()))
        return callback(
          Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected`), {
            responseCode: 550,
          }),
        );
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        const user = typeof session.user === 'string' ? session.user : undefined;
        messages.push({ ...parseEmail(raw), envelope, raw, ...(user ? { user } : {}) });
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    secure: options.secure ?? false,
    user: Object.keys(users)[0],
    password: Object.values(users)[0],
    messages,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpFake = Awaited<ReturnType<typeof startSmtpFake>>;
