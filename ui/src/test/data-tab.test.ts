// A request's Data tab: searching the data sources for the requester and deciding on each row found.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../lib/api', () => import('./api-mock'));

import type { PiecesView } from '../lib/bindings/PiecesView';
import type { RequestDetail } from '../lib/bindings/RequestDetail';
import * as api from './api-mock';
import { expectAccessible } from './axe';
import { FOUND_ROWS, LIST, OVERDUE, REDACTIONS, UNLOCKED, detail, pieces } from './fixtures';
import { el, key, openRow, renderDesk, type } from './helpers';

const details: Record<string, RequestDetail> = {};
/** What the backend holds for 2026-0001; the decide mock changes it as the real one would. */
let held: PiecesView;

beforeEach(() => {
  api.resetApi();
  api.ledgerInfo.mockResolvedValue(UNLOCKED);
  api.listRequests.mockResolvedValue(LIST);
  for (const s of LIST) details[s.reference] = detail(s);
  api.getRequest.mockImplementation(async (ref) => details[ref]);
  held = pieces();
  api.getPieces.mockImplementation(async () => structuredClone(held));
  api.findPieces.mockImplementation(async () => {
    held = pieces({ rows: FOUND_ROWS });
    return structuredClone(held);
  });
  api.decidePieceRow.mockImplementation(async (_ref, source, number, confirm, reason) => {
    const row = held.rows.find((r) => r.found.source === source && r.found.number === number)!;
    row.found.decision = confirm ? 'confirmed' : 'rejected';
    row.found.reason = reason;
    return structuredClone(held);
  });
});

async function openData() {
  const view = await renderDesk(3);
  await openRow(view.container, OVERDUE.reference);
  await key('3');
  await waitFor(() => expect(view.container.querySelector('#find-pieces')).not.toBeNull());
  return view;
}

async function findRows(container: HTMLElement) {
  await fireEvent.click(el(container, '#find-pieces'));
  await waitFor(() => expect(container.querySelectorAll('[data-row]').length).toBe(3));
}

const row = (container: HTMLElement, key: string) => el(container, `[data-row="${key}"]`);

describe('the Data tab', () => {
  it('shows who is searched for and the lookback, before any search', async () => {
    const { container } = await openData();
    expect(screen.getByRole('tab', { name: /Data/ }).getAttribute('aria-selected')).toBe('true');
    expect(api.getPieces).toHaveBeenCalledWith('2026-0001');
    const panel = el(container, '[role="tabpanel"]');
    expect(panel.textContent).toContain('Margaret Okafor');
    expect(panel.textContent).toContain('m.okafor@example.com');
    expect(el(container, '#lookback').textContent).toContain('Rows dated before 2025-01-02 are left out (12-month lookback).');
    expect(el(container, '#pieces-empty').textContent).toContain('Nothing searched yet');
    expect(el(container, '#find-pieces').classList.contains('primary')).toBe(true);
    expect(panel.textContent).not.toContain('coming in a later version');
    await expectAccessible(container);
  });

  it('says when nothing is left out by a lookback', async () => {
    held = pieces({ since: null });
    const { container } = await openData();
    expect(el(container, '#lookback').textContent).toContain('Every row held is searched, however old (no lookback).');
  });

  it('explains that there are no data sources yet, and opens that screen', async () => {
    api.findPieces.mockRejectedValueOnce({
      code: 'invalid',
      message: 'there are no data sources to search yet; import the company’s exports first',
    });
    const { container } = await openData();
    await fireEvent.click(el(container, '#find-pieces'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('There are no data sources to search yet.');
    expect(alert.textContent).toContain('Import the company’s exports');
    await expectAccessible(container);
    await fireEvent.click(within(alert).getByRole('button', { name: 'Open Data sources' }));
    await waitFor(() => expect(container.querySelector('#sources-heading')).not.toBeNull());
    // Back with Esc: the request is still open on its Data tab.
    await key('Escape');
    await waitFor(() => expect(container.querySelector('#find-pieces')).not.toBeNull());
  });

  it('shows any other search failure as it is', async () => {
    api.findPieces.mockRejectedValueOnce({ code: 'locked', message: 'The ledger is locked.' });
    const { container } = await openData();
    await fireEvent.click(el(container, '#find-pieces'));
    expect((await screen.findByRole('alert')).textContent).toContain('The ledger is locked.');
    expect(container.querySelector('#open-sources')).toBeNull();
  });

  it('lists the rows found by source, with score, why, decision and values', async () => {
    const { container } = await openData();
    await findRows(container);
    expect(api.findPieces).toHaveBeenCalledWith('2026-0001');
    const groups = [...container.querySelectorAll<HTMLElement>('[data-group]')];
    expect(groups.map((g) => [g.dataset.group, g.querySelectorAll('[data-row]').length])).toEqual([
      ['crm_contacts', 2],
      ['web_orders', 1],
    ]);
    expect(within(groups[0]).getByRole('heading', { name: 'crm_contacts (2 rows)' })).toBeTruthy();

    const first = row(container, 'crm_contacts#3');
    expect(first.textContent).toContain('C-103');
    expect(first.textContent).toContain('96% match');
    expect(first.textContent).toContain('email matches exactly; name matches');
    expect(el(first, '[data-decision]').textContent).toBe('Pending');
    const values = el<HTMLDetailsElement>(first, 'details');
    expect(values.open).toBe(false);
    const cells = [...values.querySelectorAll('tr')].map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]);
    expect(cells).toContainEqual(['Owner', 'Jane Roe']);
    // An empty value takes no line.
    expect(row(container, 'crm_contacts#9').querySelectorAll('details tr').length).toBe(4);

    expect(el(container, '#pieces-tally').textContent).toMatch(/3 rows found: 0 confirmed,\s*0 not them, 3 to decide/);
    expect(el(container, '#find-pieces').classList.contains('primary')).toBe(false);
    await expectAccessible(container);
  });

  it('hides never-disclose values found in a row, outside the redaction review', async () => {
    held = pieces({ rows: FOUND_ROWS, redactions: REDACTIONS });
    const { container } = await openData();
    await waitFor(() => expect(container.querySelectorAll('[data-row]').length).toBe(3));
    const notes = [...row(container, 'crm_contacts#3').querySelectorAll('tr')].find((tr) => tr.querySelector('th')?.textContent === 'Notes');
    expect(notes?.querySelector('td')?.textContent).toBe('Called 😀 Jane Roe about renewal; SSN [SSN hidden — see Redaction]');
    expect(row(container, 'web_orders#1').textContent).not.toContain('4111');
    expect(row(container, 'web_orders#1').textContent).toContain('[Card number hidden — see Redaction]');
  });

  it('confirms a row', async () => {
    const { container } = await openData();
    await findRows(container);
    const first = row(container, 'crm_contacts#3');
    const confirm = el(first, '[data-testid="confirm-row"]');
    expect(confirm.textContent).toContain('Confirm');
    await fireEvent.click(confirm);
    expect(api.decidePieceRow).toHaveBeenCalledWith('2026-0001', 'crm_contacts', 3, true, '');
    await waitFor(() => expect(el(row(container, 'crm_contacts#3'), '[data-decision]').textContent).toBe('Confirmed'));
    expect(row(container, 'crm_contacts#3').querySelector('[data-testid="confirm-row"]')).toBeNull();
    // The log is reloaded with the decision in it.
    expect(api.getRequest.mock.calls.length).toBeGreaterThan(1);
  });

  it('asks why a row is not about the requester, and needs an answer', async () => {
    const { container } = await openData();
    await findRows(container);
    await fireEvent.click(el(row(container, 'crm_contacts#9'), '[data-testid="reject-row"]'));
    const input = screen.getByLabelText('Why is row C-109 not about the requester?');
    expect(document.activeElement).toBe(input);
    await fireEvent.click(screen.getByRole('button', { name: 'Not them' }));
    expect(api.decidePieceRow).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(container);

    await type(input, 'a different Okafor, in Leeds');
    await fireEvent.click(screen.getByRole('button', { name: 'Not them' }));
    expect(api.decidePieceRow).toHaveBeenCalledWith('2026-0001', 'crm_contacts', 9, false, 'a different Okafor, in Leeds');
    await waitFor(() => expect(el(row(container, 'crm_contacts#9'), '[data-decision]').textContent).toBe('Rejected'));
    expect(row(container, 'crm_contacts#9').textContent).toContain('Not the requester: a different Okafor, in Leeds');
    // A rejected row can still be confirmed: the decision can be changed.
    expect(row(container, 'crm_contacts#9').querySelector('[data-testid="confirm-row"]')).not.toBeNull();
  });

  it('cancels the reason with Esc, leaving the request open', async () => {
    const { container } = await openData();
    await findRows(container);
    await fireEvent.click(el(row(container, 'crm_contacts#9'), '[data-testid="reject-row"]'));
    await key('Escape', screen.getByLabelText('Why is row C-109 not about the requester?'));
    expect(screen.queryByLabelText('Why is row C-109 not about the requester?')).toBeNull();
    expect(container.querySelector('#detail-ref')).not.toBeNull();
    expect(document.activeElement).toBe(el(row(container, 'crm_contacts#9'), '[data-testid="reject-row"]'));
  });

  it('keeps a half-typed reason when switching requests', async () => {
    held = pieces({ rows: FOUND_ROWS });
    const { container } = await openData();
    await waitFor(() => expect(container.querySelectorAll('[data-row]').length).toBe(3));
    await fireEvent.click(el(row(container, 'crm_contacts#9'), '[data-testid="reject-row"]'));
    await type(screen.getByLabelText('Why is row C-109 not about the requester?'), 'not h');
    await openRow(container, '2026-0002');
    await openRow(container, '2026-0001');
    await key('3');
    const input = await screen.findByLabelText<HTMLInputElement>('Why is row C-109 not about the requester?');
    expect(input.value).toBe('not h');
  });

  it('confirms every pending row scoring 80% or more at once', async () => {
    const { container } = await openData();
    await findRows(container);
    const all = el(container, '#confirm-all');
    expect(all.textContent).toContain('Confirm all 2 scoring 80% or more');
    await fireEvent.click(all);
    await waitFor(() => expect(el(document, '#toast').textContent).toBe('2 rows confirmed.'));
    expect(api.decidePieceRow.mock.calls.map((c) => [c[1], c[2], c[3]])).toEqual([
      ['crm_contacts', 3, true],
      ['web_orders', 1, true],
    ]);
    expect(el(row(container, 'crm_contacts#9'), '[data-decision]').textContent).toBe('Pending');
    expect(container.querySelector('#confirm-all')).toBeNull();
    // Confirmed rows point on to the redaction review.
    await fireEvent.click(screen.getByRole('button', { name: 'Redaction' }));
    expect(screen.getByRole('tab', { name: /Redaction/ }).getAttribute('aria-selected')).toBe('true');
  });
});
