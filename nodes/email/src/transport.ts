import { NodeError, ValidationError } from '@shopwire/sdk';
import type { Transporter } from 'nodemailer';

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  password?: string | undefined;
  from: string;
  allowSelfSigned: boolean;
}

export function parseSmtpSettings(raw: Record<string, unknown>): SmtpSettings {
  const host = typeof raw.host === 'string' ? raw.host.trim() : '';
  if (!host) throw new ValidationError('credential.host', 'the SMTP host is required');
  const from = typeof raw.from === 'string' ? raw.from.trim() : '';
  if (!from) throw new ValidationError('credential.from', 'a From address is required');
  const port = raw.port === undefined ? 587 : Number(raw.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new ValidationError('credential.port', 'must be 1–65535');
  return {
    host,
    port,
    // 465 is implicit TLS; 587/25 start in plain text and upgrade with STARTTLS
    secure: typeof raw.secure === 'boolean' ? raw.secure : port === 465,
    user: typeof raw.user === 'string' && raw.user !== '' ? raw.user : undefined,
    password: typeof raw.password === 'string' && raw.password !== '' ? raw.password : undefined,
    from,
    allowSelfSigned: raw.allowSelfSigned === true,
  };
}

/** One transporter per credential per node run (connection reused for every message of the run). */
export async function createSmtpTransport(settings: SmtpSettings): Promise<Transporter> {
  // nodemailer is loaded on first use: a server that never sends mail doesn't load its ~35 files at start
  const { createTransport } = await import('nodemailer');
  return createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    ...(settings.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
    // a pool of one: every message of the run goes over the same SMTP connection, in order
    pool: true,
    maxConnections: 1,
    maxMessages: 500,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    logger: false,
  });
}

/** nodemailer's error (code, responseCode, response) → NodeError; never includes the password. */
export function smtpError(error: unknown, itemIndex?: number): NodeError {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const status = e.responseCode;
  const reason = e.response ?? e.message ?? String(error);
  const what =
    e.code === 'EAUTH'
      ? 'SMTP authentication failed (check user and password)'
      : e.code === 'ECONNECTION' || e.code === 'ESOCKET' || e.code === 'ETIMEDOUT'
        ? 'Could not reach the SMTP server'
        : e.code === 'EENVELOPE'
          ? 'The SMTP server refused a sender or recipient'
          : 'Sending the email failed';
  return new NodeError(`${what}: ${reason}`, {
    code: e.code === 'EAUTH' ? 'AUTH_FAILED' : `SMTP_${e.code ?? 'ERROR'}`,
    // 4xx SMTP replies and network trouble are temporary; 5xx are permanent
    retryable:
      (status !== undefined && status >= 400 && status < 500) ||
      e.code === 'ECONNECTION' ||
      e.code === 'ETIMEDOUT',
    ...(itemIndex === undefined ? {} : { itemIndex }),
    cause: error,
  });
}
