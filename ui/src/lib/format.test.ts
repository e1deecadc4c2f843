import { describe, expect, it } from 'vitest';
import { baseName, daysLong, daysShort, formatDate, formatShortDate, shortHash, urgency } from './format';

describe('dates', () => {
  it('formats calendar dates without shifting them by time zone', () => {
    expect(formatDate('2026-01-15')).toBe('15 Jan 2026');
    expect(formatDate('2026-12-01')).toBe('1 Dec 2026');
    expect(formatShortDate('2026-01-15')).toBe('15 Jan');
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('clock signals', () => {
  it('is overdue below zero, soon up to seven days, normal after', () => {
    expect(urgency(-1)).toBe('overdue');
    expect(urgency(0)).toBe('soon');
    expect(urgency(7)).toBe('soon');
    expect(urgency(8)).toBe('normal');
  });

  it('says days in words, not colour', () => {
    expect(daysShort(12)).toBe('12 d');
    expect(daysShort(0)).toBe('today');
    expect(daysShort(-3)).toBe('overdue 3 d');
    expect(daysLong(1)).toBe('1 day left');
    expect(daysLong(-2)).toBe('2 days overdue');
    expect(daysLong(0)).toBe('due today');
  });
});

describe('small helpers', () => {
  it('shortens hashes and paths', () => {
    expect(shortHash('0123456789abcdef0123')).toBe('0123456789ab');
    expect(baseName('/home/o/mail/a.eml')).toBe('a.eml');
    expect(baseName('C:\\mail\\b.msg')).toBe('b.msg');
  });
});
