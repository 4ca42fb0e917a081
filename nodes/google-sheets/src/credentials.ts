import { defineCredentialType, z } from '@shopwire/sdk';
import { SHEETS_API_VERSION, sheetsError } from './client.js';

export const sheetsCredentialSchema = z.object({
  accessToken: z
    .string()
    .min(1)
    .meta({
      title: 'OAuth access token',
      description: 'Scope https://www.googleapis.com/auth/spreadsheets. Token refresh is not handled yet.',
      ui: { widget: 'password' },
    }),
  baseUrl: z.url().default('https://sheets.googleapis.com').meta({ title: 'API base URL' }),
});

/** Any id works: a 404 proves the token was accepted; 401/403 prove it was not. */
const PROBE_ID = 'shopwire-connection-test';

export const googleSheetsOAuth = defineCredentialType({
  type: 'googleSheets.oauth',
  displayName: 'Google Sheets (OAuth token)',
  description: 'An OAuth 2.0 bearer access token for the Sheets API v4.',
  schema: sheetsCredentialSchema,
  secretFields: ['accessToken'],
  authenticate: (data, request) => ({
    ...request,
    headers: { ...request.headers, authorization: `Bearer ${data.accessToken}` },
  }),
  test: async (data, { http }) => {
    const response = await http.request({
      url: `${data.baseUrl.replace(/\/+$/, '')}/${SHEETS_API_VERSION}/spreadsheets/${PROBE_ID}`,
      query: { fields: 'spreadsheetId' },
      headers: { authorization: `Bearer ${data.accessToken}` },
      ignoreHttpStatusErrors: true,
      maxRetries: 1,
    });
    if (response.status === 200 || response.status === 404)
      return { ok: true, message: 'Google accepted the access token' };
    return { ok: false, message: sheetsError(response.status, response.body).message };
  },
});
