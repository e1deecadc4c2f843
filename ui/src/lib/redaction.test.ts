import { describe, expect, it } from 'vitest';
import type { StoredRedaction } from './bindings/StoredRedaction';
import { countByType, hiddenMark, hitsIn, keepReason, markFamily } from './redaction';

const hit = (id: number, over: Partial<StoredRedaction>): StoredRedaction => ({
  id,
  source: 'crm',
  number: 1,
  row_id: 'C-1',
  field: 'Notes',
  start: 0,
  end: 1,
  text: 'x',
  kind: 'third_party_name',
  detector: 'known_people',
  score: 0.9,
  explanation: '',
  decision: 'pending',
  reason: '',
  ...over,
});

describe('redaction', () => {
  it('suggests the legal reason for keeping a redaction', () => {
    expect(keepReason('third_party_email')).toBe('GDPR Art. 15(4)');
    expect(keepReason('ip_of_other_person')).toBe('GDPR Art. 15(4)');
    expect(keepReason('ssn')).toBe('§7024(d)');
    expect(keepReason('iban')).toBe('§7024(d)');
    expect(keepReason('other')).toBe('');
  });

  it('finds the hits of one field of one row', () => {
    const all = [hit(1, {}), hit(2, { field: 'Owner' }), hit(3, { number: 2 }), hit(4, { source: 'web' })];
    expect(hitsIn(all, 'crm', 1, 'Notes').map((x) => x.id)).toEqual([1]);
  });

  it('counts hits per type in the backend order, with how each stands', () => {
    const all = [
      hit(1, { kind: 'ssn', decision: 'kept' }),
      hit(2, {}),
      hit(3, { decision: 'rejected' }),
      hit(4, { kind: 'ssn' }),
    ];
    expect(countByType(all)).toEqual([
      { kind: 'third_party_name', total: 2, pending: 1, kept: 0, rejected: 1 },
      { kind: 'ssn', total: 2, pending: 1, kept: 1, rejected: 0 },
    ]);
  });

  it('colours marks by family', () => {
    expect(markFamily('third_party_phone')).toBe('third');
    expect(markFamily('password')).toBe('never');
    expect(markFamily('other')).toBe('other');
  });

  it('hides never-disclose values behind their type', () => {
    expect(hiddenMark('card_number')).toBe('[Card number hidden — see Redaction]');
  });
});
