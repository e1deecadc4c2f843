import { afterEach, describe, expect, it } from 'vitest';
import { addDocuments, blankNewRequest, newRequestProblems, receivedValue, toManualRequest, type NewRequestForm } from './newRequest';

const NOW = new Date(2026, 2, 2, 15, 0); // 2 March 2026, 15:00 local

const filled = (over: Partial<NewRequestForm> = {}): NewRequestForm => ({
  ...blankNewRequest(NOW),
  name: 'Margaret Okafor',
  kinds: ['access'],
  ...over,
});

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('blankNewRequest', () => {
  it('starts on today, by phone, under company policy, with nothing typed', () => {
    expect(blankNewRequest(NOW)).toEqual({
      channel: 'phone', date: '2026-03-02', time: '', name: '', email: '', address: '', kinds: [],
      regime: 'policy', note: '', documents: [],
    });
  });
});

describe('newRequestProblems', () => {
  it('passes a name or an email with one kind', () => {
    expect(newRequestProblems(filled(), NOW)).toEqual({});
    expect(newRequestProblems(filled({ name: '', email: 'm@example.com' }), NOW)).toEqual({});
  });

  it('wants a name or an email, a kind, and a plausible email', () => {
    expect(newRequestProblems(filled({ name: '  ', kinds: [] }), NOW)).toEqual({
      who: 'Give the requester’s name or email address (or both).',
      kinds: 'Choose at least one kind of request.',
    });
    expect(newRequestProblems(filled({ email: 'margaret' }), NOW).email).toMatch(/does not look complete/);
  });

  it('refuses a received date or time in the future, and a missing date', () => {
    expect(newRequestProblems(filled({ date: '2026-03-03' }), NOW).received).toBe('The received date cannot be in the future.');
    expect(newRequestProblems(filled({ time: '15:30' }), NOW).received).toBe('The received time cannot be in the future.');
    expect(newRequestProblems(filled({ time: '14:59' }), NOW)).toEqual({});
    expect(newRequestProblems(filled({ date: '' }), NOW).received).toBe('Give the date the request was received.');
    expect(newRequestProblems(filled({ time: '25:00' }), NOW).received).toMatch(/HH:MM/);
  });
});

describe('receivedValue', () => {
  it('sends the date alone when there is no time', () => {
    expect(receivedValue('2026-03-02', '')).toBe('2026-03-02');
  });

  it('sends an RFC 3339 date-time with the local offset of that day', () => {
    process.env.TZ = 'America/New_York';
    expect(receivedValue('2026-03-02', '14:30')).toBe('2026-03-02T14:30:00-05:00');
    expect(receivedValue('2026-07-02', '09:05')).toBe('2026-07-02T09:05:00-04:00');
    process.env.TZ = 'Asia/Kolkata';
    expect(receivedValue('2026-03-02', '14:30')).toBe('2026-03-02T14:30:00+05:30');
    process.env.TZ = 'UTC';
    expect(receivedValue('2026-03-02', '00:00')).toBe('2026-03-02T00:00:00+00:00');
  });

  it('names the instant the officer typed', () => {
    const value = receivedValue('2026-03-02', '14:30');
    expect(new Date(value).getTime()).toBe(new Date(2026, 2, 2, 14, 30).getTime());
  });
});

describe('toManualRequest', () => {
  it('trims the text and orders the kinds', () => {
    const form = filled({
      channel: 'in_person', name: ' Margaret Okafor ', email: ' m@example.com', address: '1 Main St\n', note: ' ID seen ',
      kinds: ['deletion', 'access'], regime: 'gdpr', documents: ['/scan/a.pdf'],
    });
    expect(toManualRequest(form)).toEqual({
      channel: 'in_person', received: '2026-03-02', requester_name: 'Margaret Okafor', requester_email: 'm@example.com',
      postal_address: '1 Main St', kinds: ['access', 'deletion'], regime: 'gdpr', note: 'ID seen',
    });
  });
});

describe('addDocuments', () => {
  it('appends new paths once each', () => {
    expect(addDocuments(['/a.pdf'], ['/b.png', '/a.pdf', '/b.png'])).toEqual(['/a.pdf', '/b.png']);
  });
});
