import type { AppError } from './bindings/AppError';

/** Turns whatever a rejected call carried into the `{code, message}` shape the backend uses. */
export function toAppError(e: unknown): AppError {
  if (e && typeof e === 'object' && 'message' in e) {
    const o = e as { code?: unknown; message?: unknown };
    return {
      code: typeof o.code === 'string' ? o.code : 'unknown',
      message: String(o.message),
    };
  }
  if (typeof e === 'string') return { code: 'unknown', message: e };
  return { code: 'unknown', message: 'Something went wrong, and the program gave no reason.' };
}

export function errorMessage(e: unknown): string {
  return toAppError(e).message;
}

export function errorCode(e: unknown): string {
  return toAppError(e).code;
}

export const WRONG_PASSPHRASE = 'That passphrase does not open this ledger. Nothing was changed.';
export const WRONG_CURRENT_PASSPHRASE = 'The current passphrase is not right. Nothing was changed.';
