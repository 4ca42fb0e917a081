import { describe, expect, it } from 'vitest';
import {
  NetworkDownError,
  NodeError,
  SandboxError,
  ValidationError,
  toErrorData,
  validationErrorFromIssues,
} from './index.js';

describe('errors as plain data', () => {
  it('keeps field, node, item and retryable across boundaries', () => {
    expect(new ValidationError('params.url', 'must be a URL').toData()).toEqual({
      code: 'VALIDATION',
      message: 'params.url: must be a URL',
      retryable: false,
      field: 'params.url',
    });
    expect(
      toErrorData(new NodeError('boom', { nodeId: 'n1', itemIndex: 2, retryable: true, httpStatus: 503 })),
    ).toMatchObject({ code: 'NODE_ERROR', nodeId: 'n1', itemIndex: 2, retryable: true, httpStatus: 503 });
    expect(toErrorData(new SandboxError('SANDBOX_TIMEOUT', 'too slow')).code).toBe('SANDBOX_TIMEOUT');
    expect(toErrorData('weird')).toEqual({ code: 'INTERNAL', message: 'weird' });
  });

  it('turns zod issues into a ValidationError naming the first field', () => {
    const error = validationErrorFromIssues(
      [
        { path: ['nodes', 2, 'type'], message: 'required' },
        { path: ['name'], message: 'too long' },
      ],
      'body',
    );
    expect(error.field).toBe('body.nodes.2.type');
    expect(error.issues).toHaveLength(2);
  });
});

describe('NetworkDownError', () => {
  it('is a retryable NodeError with code NETWORK_DOWN that tells whether the request was sent', () => {
    const cause = new Error('connect ECONNREFUSED 10.0.0.1:443');
    const error = new NetworkDownError('POST https://api.example/x failed', { sent: false, cause });
    expect(error).toBeInstanceOf(NodeError);
    expect(error.cause).toBe(cause);
    expect(toErrorData(error)).toEqual({
      code: 'NETWORK_DOWN',
      message: 'POST https://api.example/x failed',
      retryable: true,
      sent: false,
    });
    expect(new NetworkDownError('reset', { sent: true, itemIndex: 2 }).toData()).toMatchObject({
      sent: true,
      itemIndex: 2,
    });
  });
});
