import { describe, expect, it } from 'vitest';
import {
  addDays,
  baseName,
  daysBetween,
  daysLong,
  daysShort,
  dueLabel,
  formatBytes,
  formatDate,
  formatDays,
  formatMoney,
  formatShortDate,
  isIsoDate,
  isoDate,
  parseAmount,
  shortHash,
  urgency,
} from './format';

describe('dates', () => {
  it('formats calendar dates without shifting them by time zone', () => {
    expect(formatDate('2026-01-15')).toBe('15 Jan 2026');
    expect(formatDate('2026-12-01')).toBe('1 Dec 2026');
    expect(formatShortDate('2026-01-15')).toBe('15 Jan');
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('calendar arithmetic', () => {
  it('adds and counts calendar days across months and years', () => {
    expect(addDays('2026-01-30', 3)).toBe('2026-02-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2026-01-15', '2026-02-16')).toBe(32);
    expect(daysBetween('2026-01-15', '2026-01-12')).toBe(-3);
    // Across the March daylight-saving change the count stays whole.
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(isoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('15/01/2026')).toBe(false);
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

describe('money and metrics', () => {
  it('reads amounts as cents and writes them with the currency code', () => {
    expect(parseAmount('25')).toBe(2500);
    expect(parseAmount('25.5')).toBe(2550);
    expect(parseAmount(' 25,05 ')).toBe(2505);
    expect(parseAmount('25.555')).toBeNull();
    expect(parseAmount('twenty')).toBeNull();
    expect(formatMoney(2550, 'USD')).toBe('USD 25.50');
  });

  it('shows days to respond, or a dash when nothing was answered', () => {
    expect(formatDays(21)).toBe('21');
    expect(formatDays(23.456)).toBe('23.5');
    expect(formatDays(null)).toBe('—');
  });

  it('names the next due date', () => {
    expect(dueLabel({ label: 'opt-out', date: '2026-01-20', days_left: 5 })).toBe('opt-out effective by');
    expect(dueLabel({ label: 'respond', date: '2026-01-20', days_left: 5 })).toBe('respond by');
  });
});

describe('small helpers', () => {
  it('shortens hashes and paths', () => {
    expect(shortHash('0123456789abcdef0123')).toBe('0123456789ab');
    expect(baseName('/home/o/mail/a.eml')).toBe('a.eml');
    expect(baseName('C:\\mail\\b.msg')).toBe('b.msg');
  });
});

describe('formatBytes', () => {
  it('says sizes in B, KB and MB', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(14_540)).toBe('14.2 KB');
    expect(formatBytes(300 * 1024)).toBe('300 KB');
    expect(formatBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
  });
});
