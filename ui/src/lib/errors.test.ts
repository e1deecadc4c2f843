import { describe, expect, it } from 'vitest';
import { errorCode, errorMessage, toAppError } from './errors';

describe('errors from the backend', () => {
  it('keeps {code, message} as it is', () => {
    expect(toAppError({ code: 'wrong_passphrase', message: 'No.' })).toEqual({ code: 'wrong_passphrase', message: 'No.' });
  });

  it('wraps plain strings and Error objects', () => {
    expect(toAppError('command not found')).toEqual({ code: 'unknown', message: 'command not found' });
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorCode(42)).toBe('unknown');
  });
});
