import type { RequestSummary } from './bindings/RequestSummary';
import type { Status } from './bindings/Status';

export type Queue = 'inbox' | 'open' | 'done' | 'all';

export const QUEUES: { id: Queue; label: string; hint: string; statuses: Status[] | null }[] = [
  { id: 'inbox', label: 'Inbox', hint: 'new, not yet acknowledged', statuses: ['received'] },
  { id: 'open', label: 'Open', hint: 'acknowledged, being verified or worked on', statuses: ['acknowledged', 'verifying', 'in_progress'] },
  { id: 'done', label: 'Done', hint: 'responded, denied, withdrawn or closed', statuses: ['responded', 'denied', 'withdrawn', 'closed'] },
  { id: 'all', label: 'All', hint: 'every request', statuses: null },
];

export function inQueue(status: Status, queue: Queue): boolean {
  const q = QUEUES.find((x) => x.id === queue);
  return !q || q.statuses === null || q.statuses.includes(status);
}

export function queueCounts(list: RequestSummary[]): Record<Queue, number> {
  const counts: Record<Queue, number> = { inbox: 0, open: 0, done: 0, all: 0 };
  for (const r of list) {
    for (const q of QUEUES) if (inQueue(r.status, q.id)) counts[q.id]++;
  }
  return counts;
}

/** The top bar's clock summary: requests with a next due date past, or within 7 days. */
export function clockCounts(list: RequestSummary[]): { overdue: number; soon: number } {
  let overdue = 0;
  let soon = 0;
  for (const r of list) {
    if (!r.next_due) continue;
    if (r.next_due.days_left < 0) overdue++;
    else if (r.next_due.days_left <= 7) soon++;
  }
  return { overdue, soon };
}
