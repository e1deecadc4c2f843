import { describe, expect, it } from 'vitest';
import type { RequestKind } from './bindings/RequestKind';
import { LATER, OVERDUE, detail, summary } from '../test/fixtures';
import { clockActions, clockToday, isExtended, letterChoices, needsCloseForm, pausedSince } from './request';

describe('the clock as the request view sees it', () => {
  it('takes today from the backend’s next due date, or the computer’s date when no clock runs', () => {
    expect(clockToday(OVERDUE)).toBe('2026-01-15');
    expect(clockToday(summary({ status: 'closed', next_due: null }), new Date(2026, 4, 3))).toBe('2026-05-03');
  });

  it('knows a running pause from the last pause or resumption', () => {
    expect(pausedSince([])).toBeNull();
    expect(pausedSince([{ event: 'paused', on_date: '2026-01-05', reason: 'r' }])).toBe('2026-01-05');
    expect(
      pausedSince([
        { event: 'paused', on_date: '2026-01-05', reason: 'r' },
        { event: 'resumed', on_date: '2026-01-08', reason: 'r' },
        { event: 'extended', on_date: '2026-01-09', reason: 'r' },
      ]),
    ).toBeNull();
    expect(
      pausedSince([
        { event: 'paused', on_date: '2026-01-05', reason: 'r' },
        { event: 'extended', on_date: '2026-01-06', reason: 'r' },
      ]),
    ).toBe('2026-01-05');
  });

  it('offers pause only under GDPR and UK, resume while paused, one extension before the due date', () => {
    expect(clockActions(detail(LATER))).toEqual({ pause: true, resume: false, extend: true });
    expect(clockActions(detail(summary({ regime: 'uk' })))).toMatchObject({ pause: true });
    expect(clockActions(detail(OVERDUE))).toEqual({ pause: false, resume: false, extend: true });
    const paused = detail(LATER, { clock: [{ event: 'paused', on_date: '2026-01-10', reason: 'r' }] });
    expect(clockActions(paused)).toEqual({ pause: false, resume: true, extend: true });
    const extended = detail(LATER, { clock: [{ event: 'extended', on_date: '2026-01-10', reason: 'r' }] });
    expect(isExtended(extended)).toBe(true);
    expect(clockActions(extended).extend).toBe(false);
    const noExtension = detail(summary({ due: { ...OVERDUE.due, extension_notice_by: null } }));
    expect(clockActions(noExtension).extend).toBe(false);
    const tooLate = detail(summary({ next_due: { label: 'respond', date: '2026-02-16', days_left: -1 } }));
    expect(clockActions(tooLate).extend).toBe(false);
    const closed = detail(summary({ regime: 'gdpr', status: 'closed', next_due: null }));
    expect(clockActions(closed)).toEqual({ pause: false, resume: false, extend: false });
  });
});

describe('letters and closing', () => {
  it('lists the letters that apply: the acknowledgement, the answer to each kind, and a refusal', () => {
    // LATER asks for a correction.
    expect(letterChoices(detail(LATER)).map((c) => c.kind)).toEqual(['ack', 'correction', 'denial']);
    const all = detail(LATER, {
      clock: [{ event: 'extended', on_date: '2026-01-10', reason: 'r' }],
      frequency: { earlier: ['2025-0001', '2025-0002'], message: 'm' },
      fee: { reasons: 'r', estimate_cents: 1, currency: 'USD', decision: 'proposed', proposed_on: '2026-01-11', decided_on: null },
    });
    expect(letterChoices(all).map((c) => c.kind)).toEqual(['ack', 'extension', 'twice_limit', 'fee_estimate', 'correction', 'denial']);
    expect(letterChoices(detail(LATER, { frequency: { earlier: ['2025-0001'], message: 'm' } })).map((c) => c.kind)).toEqual([
      'ack',
      'correction',
      'denial',
    ]);
  });

  it('answers each kind asked for with its own letter; recipient notices are made per task', () => {
    const kinds = (k: RequestKind[]) => letterChoices(detail(summary({ kinds: k }))).map((c) => c.kind);
    expect(kinds(['access'])).toEqual(['ack', 'access', 'denial']);
    expect(kinds(['portability'])).toEqual(['ack', 'access', 'denial']);
    expect(kinds(['deletion', 'opt_out_sale'])).toEqual(['ack', 'deletion', 'deletion_denied', 'opt_out_sale', 'denial']);
    expect(kinds(['opt_out_sharing', 'unsubscribe'])).toEqual(['ack', 'opt_out_sharing', 'denial']);
    expect(kinds(['access', 'portability', 'correction'])).toEqual(['ack', 'access', 'correction', 'denial']);
    expect(kinds(['objection'])).toEqual(['ack', 'denial']);
    const all = letterChoices(detail(summary({ kinds: ['access', 'deletion', 'correction', 'opt_out_sale', 'opt_out_sharing'] })));
    expect(all.map((c) => c.kind)).not.toContain('vendor_notice');
    for (const c of all) expect(c.why).not.toBe('');
  });

  it('closes answered requests through the form, withdrawn ones directly', () => {
    expect(needsCloseForm('responded')).toBe(true);
    expect(needsCloseForm('denied')).toBe(true);
    expect(needsCloseForm('withdrawn')).toBe(false);
  });
});
