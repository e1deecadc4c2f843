import { describe, expect, it } from 'vitest';
import type { Regime } from './bindings/Regime';
import { ALL_REGIMES } from './labels';
import {
  blankLetterForm,
  deliveryText,
  letterLanguages,
  letterOptions,
  mapVersionText,
  reasonField,
  samePreview,
  taskActionLabel,
  taskState,
  tasksStillOpen,
  templateVersionText,
} from './letters';

describe('letter languages by regime', () => {
  it('offers English and Spanish everywhere, German and French only under the GDPR and UK GDPR', () => {
    expect(letterLanguages('gdpr')).toEqual(['en', 'es', 'de', 'fr']);
    expect(letterLanguages('uk')).toEqual(['en', 'es', 'de', 'fr']);
    const others = ALL_REGIMES.filter((r): r is Regime => r !== 'gdpr' && r !== 'uk');
    expect(others).toHaveLength(8);
    for (const r of others) expect(letterLanguages(r)).toEqual(['en', 'es']);
  });
});

describe('what the officer adds to a letter', () => {
  it('asks for a reason on refusals, deletions and corrections only', () => {
    expect(reasonField('denial')?.label).toBe('Reason for the refusal');
    expect(reasonField('deletion_denied')?.hint).toContain('Required');
    expect(reasonField('deletion')?.label).toContain('optional');
    expect(reasonField('correction')).not.toBeNull();
    for (const k of ['ack', 'access', 'opt_out_sale', 'vendor_notice', 'fee_estimate'] as const) expect(reasonField(k)).toBeNull();
    expect(reasonField('')).toBeNull();
  });

  it('sends null for “as the request”, the reason only where it applies, the task only for a notice', () => {
    expect(letterOptions(blankLetterForm())).toEqual({ lang: null, reason: '', task: null });
    expect(letterOptions({ kind: 'denial', lang: 'es', reason: '  not verified  ', task: 4 })).toEqual({
      lang: 'es',
      reason: 'not verified',
      task: null,
    });
    expect(letterOptions({ kind: 'ack', lang: '', reason: 'left from a denial', task: null })).toEqual({
      lang: null,
      reason: '',
      task: null,
    });
    expect(letterOptions({ kind: 'vendor_notice', lang: 'en', reason: '', task: 12 })).toEqual({ lang: 'en', reason: '', task: 12 });
  });

  it('renders a preview again only when something in it changed', () => {
    const a = { letter: 'denial' as const, options: { lang: null, reason: 'x', task: null } };
    expect(samePreview(a, { letter: 'denial', options: { lang: null, reason: 'x', task: null } })).toBe(true);
    expect(samePreview(a, { letter: 'denial', options: { lang: null, reason: 'xy', task: null } })).toBe(false);
    expect(samePreview({ stored: 3 }, { stored: 3 })).toBe(true);
    expect(samePreview(null, null)).toBe(true);
    expect(samePreview(null, { stored: 3 })).toBe(false);
  });
});

describe('exported letters', () => {
  it('says how and when a letter was sent', () => {
    expect(deliveryText({ delivery: null, delivered_on: null })).toBeNull();
    expect(deliveryText({ delivery: 'email', delivered_on: '2026-01-05' })).toBe('Sent by email on 5 Jan 2026');
    expect(deliveryText({ delivery: 'post', delivered_on: '2026-02-01' })).toBe('Sent by post on 1 Feb 2026');
    expect(deliveryText({ delivery: 'account', delivered_on: '2026-02-01' })).toBe('Put in the requester’s account on 1 Feb 2026');
    expect(deliveryText({ delivery: 'fax', delivered_on: null })).toBe('Sent (fax)');
  });

  it('names template and data map versions', () => {
    expect(templateVersionText(0)).toBe('built-in');
    expect(templateVersionText(3)).toBe('version 3');
    expect(mapVersionText(null)).toBe('—');
    expect(mapVersionText(2)).toBe('v2');
  });
});

describe('recipient tasks', () => {
  it('recognises the refusal to close while tasks are open', () => {
    expect(
      tasksStillOpen(
        '2026-0002: 2 recipient task(s) are still open (Google Analytics, ZoomInfo); confirm them, or give a reason to close anyway',
      ),
    ).toBe(true);
    expect(tasksStillOpen('Give the basis for “denied”')).toBe(false);
  });

  it('knows where each task stands', () => {
    expect(taskState({ sent_on: null, confirmed_on: null })).toBe('open');
    expect(taskState({ sent_on: '2026-01-16', confirmed_on: null })).toBe('sent');
    expect(taskState({ sent_on: '2026-01-16', confirmed_on: '2026-01-20' })).toBe('confirmed');
    expect(taskState({ sent_on: null, confirmed_on: '2026-01-20' })).toBe('confirmed');
    expect(taskActionLabel('opt_out_sale')).toBe('Opt-out of sale');
    expect(taskActionLabel('unknown')).toBe('unknown');
  });
});
