import { describe, expect, it } from 'vitest';
import type { Plan } from './bindings/Plan';
import { checklist, evidenceDisplay, matchPlace, pointsNeeded, pointsText, pointsToSave } from './verification';

const plan = (over: Partial<Plan>): Plan => ({ level: 'two_points', basis: '', steps: ['points'], either: [], pause_allowed: false, ...over });

describe('verification', () => {
  it('shows images and PDFs inline, nothing else', () => {
    expect(evidenceDisplay('image/png')).toBe('image');
    expect(evidenceDisplay('image/jpeg')).toBe('image');
    expect(evidenceDisplay('application/pdf')).toBe('pdf');
    expect(evidenceDisplay('text/html')).toBeNull();
  });

  it('knows how many matching points each level needs', () => {
    expect(pointsNeeded('two_points')).toBe(2);
    expect(pointsNeeded('three_points_declaration')).toBe(3);
    expect(pointsNeeded('proportionate')).toBeNull();
    expect(pointsNeeded('none')).toBeNull();
    expect(pointsText(1, 'two_points')).toBe('1 of 2 matched');
    expect(pointsText(3, 'three_points_declaration')).toBe('3 of 3 matched');
    expect(pointsText(2, 'proportionate')).toBe('2 matched');
  });

  it('lists a plan’s steps, then its alternatives', () => {
    expect(checklist(plan({ level: 'none', steps: [] }))).toEqual([]);
    expect(checklist(plan({ level: 'three_points_declaration', steps: ['points', 'declaration'] })).map((r) => r.label)).toEqual([
      'Data points matched against data held',
      'Signed declaration under penalty of perjury',
    ]);
    const agent = checklist(
      plan({ steps: ['points', 'agent_permission', 'consumer_confirms'], either: ['power_of_attorney'] }),
    );
    expect(agent.map((r) => [r.step, r.alternative])).toEqual([
      ['points', false],
      ['agent_permission', false],
      ['consumer_confirms', false],
      ['power_of_attorney', true],
    ]);
    expect(agent[3].label).toBe('or: Power of attorney (replaces the two agent steps)');
  });

  it('offers resolving the doubt as the alternative to a known address, for a proportionate check', () => {
    const rows = checklist(plan({ level: 'proportionate', steps: ['known_address'] }));
    expect(rows.map((r) => [r.step, r.alternative, r.label])).toEqual([
      ['known_address', false, 'Request came from an address already held for the person'],
      ['doubt_resolved', true, 'or: Asked for what resolves the doubt, and received it'],
    ]);
    // Not twice when the plan lists it already.
    expect(checklist(plan({ level: 'proportionate', steps: ['known_address', 'doubt_resolved'] })).length).toBe(2);
  });

  it('saves only the points with a value, trimmed', () => {
    expect(
      pointsToSave([
        { kind: 'email', value: ' a@b.c ', to_correct: false },
        { kind: 'name', value: '  ', to_correct: true },
      ]),
    ).toEqual([{ kind: 'email', value: 'a@b.c', to_correct: false }]);
  });

  it('says where a point matched', () => {
    expect(matchPlace({ source: 'crm', row_id: 'C-1', field: 'Email', held: 'a@b.c' })).toBe('crm · C-1 · Email = a@b.c');
    expect(matchPlace({ source: null, row_id: null, field: null, held: null })).toBe('');
  });
});
