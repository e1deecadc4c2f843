import { describe, expect, it } from 'vitest';
import { LIST, summary } from '../test/fixtures';
import { clockCounts, inQueue, queueCounts } from './queues';

describe('queues', () => {
  it('sorts statuses into Inbox, Open and Done', () => {
    expect(inQueue('received', 'inbox')).toBe(true);
    expect(inQueue('verifying', 'open')).toBe(true);
    expect(inQueue('withdrawn', 'done')).toBe(true);
    expect(inQueue('received', 'open')).toBe(false);
    expect(inQueue('closed', 'all')).toBe(true);
  });

  it('counts each queue', () => {
    expect(queueCounts(LIST)).toEqual({ inbox: 1, open: 2, done: 0, all: 3 });
  });

  it('counts clocks that are overdue or due within 7 days, ignoring finished requests', () => {
    const done = summary({ reference: '2026-0009', status: 'closed', next_due: null });
    const today = summary({ reference: '2026-0010', next_due: { label: 'respond', date: '2026-01-15', days_left: 0 } });
    expect(clockCounts([...LIST, done, today])).toEqual({ overdue: 1, soon: 2 });
  });
});
