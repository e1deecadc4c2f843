import { describe, expect, it } from 'vitest';
import {
  ALL_LANGS,
  ALL_LETTER_KINDS,
  ALL_TEMPLATE_KINDS,
  LETTER_LABEL,
  TEMPLATE_LABEL,
  langLabel,
  letterLabel,
} from './labels';

describe('letter labels', () => {
  it('names every letter the backend writes, by its current code', () => {
    expect(ALL_LETTER_KINDS).toEqual([
      'ack',
      'verification_request',
      'extension',
      'access',
      'deletion',
      'deletion_denied',
      'correction',
      'opt_out_sale',
      'opt_out_sharing',
      'denial',
      'fee_estimate',
      'twice_limit',
      'unable_to_verify',
      'abandoned',
      'vendor_notice',
    ]);
    for (const k of ALL_LETTER_KINDS) expect(LETTER_LABEL[k].trim()).not.toBe('');
    expect(new Set(Object.values(LETTER_LABEL)).size).toBe(ALL_LETTER_KINDS.length);
    expect(letterLabel('fee_estimate')).toBe('Fee estimate');
    expect(letterLabel('twice_limit')).toBe('“Already answered twice” letter');
  });

  it('shows an unknown code as it is', () => {
    expect(letterLabel('twice')).toBe('twice');
    expect(letterLabel('something_new')).toBe('something_new');
  });

  it('offers the 15 letters and the two shared parts in the template editor', () => {
    expect(ALL_TEMPLATE_KINDS).toHaveLength(17);
    expect(ALL_TEMPLATE_KINDS.slice(-2)).toEqual(['_letter', '_route']);
    expect(TEMPLATE_LABEL._letter).toMatch(/^Letter frame/);
    expect(TEMPLATE_LABEL._route).toBe('Appeal and complaint routes');
  });

  it('names the four letter languages', () => {
    expect(ALL_LANGS).toEqual(['en', 'es', 'de', 'fr']);
    expect(langLabel('de')).toBe('German');
    expect(langLabel('it')).toBe('it');
  });
});
