import { describe, expect, it, vi } from 'vitest';
import { isTypingTarget, throttle } from './keys';

describe('isTypingTarget', () => {
  it('treats text fields as typing and buttons as not', () => {
    const input = document.createElement('input');
    const check = document.createElement('input');
    check.type = 'checkbox';
    expect(isTypingTarget(input)).toBe(true);
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true);
    expect(isTypingTarget(document.createElement('select'))).toBe(true);
    expect(isTypingTarget(check)).toBe(false);
    expect(isTypingTarget(document.createElement('button'))).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
  });
});

describe('throttle', () => {
  it('lets one call through per interval', () => {
    let now = 0;
    const fn = vi.fn();
    const t = throttle(fn, 30_000, () => now);
    t();
    t();
    now = 29_999;
    t();
    expect(fn).toHaveBeenCalledTimes(1);
    now = 30_000;
    t();
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
