import { describe, expect, it } from 'vitest';
import type { PieceRow } from './bindings/PieceRow';
import { confirmable, formatScore, groupBySource, lookbackText, monthsBetween, rowKey } from './pieces';

const row = (source: string, number: number, score: number, decision: PieceRow['found']['decision'] = 'pending'): PieceRow => ({
  found: { source, number, row_id: `${source}-${number}`, score, why: '', decision, reason: '' },
  columns: [],
  values: [],
});

describe('pieces', () => {
  it('groups rows by source in the order they came', () => {
    const rows = [row('crm', 1, 1), row('web', 4, 0.5), row('crm', 7, 0.9)];
    expect(groupBySource(rows).map((g) => [g.source, g.rows.map((r) => r.found.number)])).toEqual([
      ['crm', [1, 7]],
      ['web', [4]],
    ]);
    expect(groupBySource([])).toEqual([]);
  });

  it('offers pending rows scoring 80% or more to Confirm all', () => {
    const rows = [row('crm', 1, 0.8), row('crm', 2, 0.79), row('crm', 3, 0.95, 'rejected'), row('crm', 4, 1, 'confirmed')];
    expect(confirmable(rows).map((r) => r.found.number)).toEqual([1]);
  });

  it('words scores, keys and the lookback', () => {
    expect(formatScore(0.873)).toBe('87%');
    expect(formatScore(1)).toBe('100%');
    expect(rowKey('crm.csv', 3)).toBe('crm.csv#3');
    expect(monthsBetween('2025-01-02', '2026-01-02')).toBe(12);
    expect(monthsBetween('2026-02-28', '2026-03-31')).toBe(1);
    expect(lookbackText('2025-01-02', '2026-01-02')).toBe('Rows dated before 2025-01-02 are left out (12-month lookback).');
    expect(lookbackText(null, '2026-01-02')).toBe('Every row held is searched, however old (no lookback).');
  });
});
