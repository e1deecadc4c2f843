// A request's Redaction tab: hits marked in the rows' text, decisions with reasons,
// redacting by hand, the preview of what goes out, and the export.
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
let held: PiecesView;

/** The rows after the Data tab: C-103 and W-1 confirmed, C-109 rejected. */
function reviewed(): PiecesView {
  const v = pieces({ rows: FOUND_ROWS });
  v.rows[0].found.decision = 'confirmed';
  v.rows[1].found.decision = 'rejected';
  v.rows[1].found.reason = 'someone else';
  v.rows[2].found.decision = 'confirmed';
  return v;
}

beforeEach(() => {
  api.resetApi();
  api.ledgerInfo.mockResolvedValue(UNLOCKED);
  api.listRequests.mockResolvedValue(LIST);
  for (const s of LIST) details[s.reference] = detail(s);
  api.getRequest.mockImplementation(async (ref) => details[ref]);
  held = reviewed();
  api.getPieces.mockImplementation(async () => structuredClone(held));
  api.scanRedactions.mockImplementation(async () => {
    held.redactions = structuredClone(REDACTIONS);
    return structuredClone(held);
  });
  api.decideRedaction.mockImplementation(async (_ref, which, keep, reason) => {
    for (const x of held.redactions) {
      if ('id' in which ? x.id === which.id : x.kind === which.kind) {
        x.decision = keep ? 'kept' : 'rejected';
        x.reason = reason;
      }
    }
    return structuredClone(held);
  });
  api.addRedaction.mockImplementation(async (_ref, source, number, field, start, end, kind, reason) => {
    const row = held.rows.find((r) => r.found.source === source && r.found.number === number)!;
    const value = row.values[row.columns.indexOf(field)];
    held.redactions.push({
      ...held.redactions[0],
      id: 99,
      source,
      number,
      row_id: row.found.row_id,
      field,
      start,
      end,
      text: Array.from(value).slice(start, end).join(''),
      kind,
      detector: 'manual',
      score: 1,
      explanation: 'marked by the officer',
      decision: 'kept',
      reason,
    });
    return structuredClone(held);
  });
});

async function openRedaction(scan = true) {
  const view = await renderDesk(3);
  await openRow(view.container, OVERDUE.reference);
  await key('4');
  await waitFor(() => expect(view.container.querySelector('#scan-redactions')).not.toBeNull());
  await waitFor(() => expect(view.container.querySelector('[aria-busy="true"]')).toBeNull());
  if (scan) {
    await fireEvent.click(el(view.container, '#scan-redactions'));
    await waitFor(() => expect(view.container.querySelectorAll('[data-testid="redaction-hit"]').length).toBe(4));
  }
  return view;
}

const field = (container: HTMLElement, row: string, name: string) =>
  el(container, `[data-row="${row}"] [data-field="${name}"] .field-text`);
const hitLabel = (container: HTMLElement, id: number) => el(container, `[data-testid="redaction-hit"][data-redaction="${id}"]`);

/** Selects `text` (its first occurrence) in one text run of a field, as the mouse would. */
async function select(fieldText: HTMLElement, text: string, through?: string) {
  const runs = [...fieldText.querySelectorAll('[data-cp]')].map((r) => r.firstChild as Text);
  const from = runs.find((t) => t.data.includes(text))!;
  const to = through ? runs.find((t) => t.data.includes(through))! : from;
  const range = document.createRange();
  range.setStart(from, from.data.indexOf(text));
  range.setEnd(to, through ? to.data.indexOf(through) + through.length : from.data.indexOf(text) + text.length);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  await fireEvent.mouseUp(fieldText);
}

describe('the Redaction tab', () => {
  it('sends the officer to the Data tab when no row is left to review', async () => {
    held = pieces({ rows: [{ ...FOUND_ROWS[1], found: { ...FOUND_ROWS[1].found, decision: 'rejected' } }] });
    const { container } = await openRedaction(false);
    expect(el(container, '#redaction-empty').textContent).toContain('confirm them on the Data tab first');
    expect(el<HTMLButtonElement>(container, '#scan-redactions').disabled).toBe(true);
    expect(el<HTMLButtonElement>(container, '#export-pieces-json').disabled).toBe(true);
    await expectAccessible(container);
    await fireEvent.click(screen.getByRole('button', { name: 'Go to the Data tab' }));
    await waitFor(() => expect(container.querySelector('#find-pieces')).not.toBeNull());
  });

  it('lists the rows not rejected, each field as text, before any scan', async () => {
    const { container } = await openRedaction(false);
    expect(container.querySelector('[data-row="crm_contacts#9"]')).toBeNull();
    expect(field(container, 'crm_contacts#3', 'Notes').textContent).toBe('Called 😀 Jane Roe about renewal; SSN 123-45-6789');
    expect(el(container, '#redactions-none').textContent).toContain('“Find redactions” runs the detectors');
    expect(el(container, '#scan-redactions').classList.contains('primary')).toBe(true);
  });

  it('finds redactions and marks each hit by its character offsets, with its type written beside it', async () => {
    const { container } = await openRedaction();
    expect(api.scanRedactions).toHaveBeenCalledWith('2026-0001');
    const notes = field(container, 'crm_contacts#3', 'Notes');
    const marks = [...notes.querySelectorAll('mark')];
    // After the emoji (2 UTF-16 units, 1 character) the name is still marked exactly.
    expect(marks.map((m) => [m.textContent, m.className.match(/kind-\w+/)?.[0]])).toEqual([
      ['Jane Roe', 'kind-third_party_name'],
      ['123-45-6789', 'kind-ssn'],
    ]);
    const labels = [...notes.querySelectorAll('[data-testid="redaction-hit"]')].map((b) => b.textContent);
    expect(labels).toEqual(['Third-party name', 'SSN']);
    // The value is the same text, labels aside.
    const runs = [...notes.querySelectorAll('[data-cp]')].map((r) => r.textContent).join('');
    expect(runs).toBe('Called 😀 Jane Roe about renewal; SSN 123-45-6789');
    expect(hitLabel(container, 4).getAttribute('aria-label')).toBe('Card number: “4111 1111 1111 1111”. Show why');
    await expectAccessible(container);
  });

  it('never reads a value as HTML', async () => {
    const hostile = '<img src=x onerror=alert(1)><b>Jane Roe</b>';
    held.rows[0].values[4] = hostile;
    const at = hostile.indexOf('Jane Roe');
    held.redactions = [{ ...REDACTIONS[1], start: at, end: at + 8, text: 'Jane Roe' }];
    api.scanRedactions.mockImplementation(async () => structuredClone(held));
    const { container } = await openRedaction(false);
    await fireEvent.click(el(container, '#scan-redactions'));
    const notes = await waitFor(() => field(container, 'crm_contacts#3', 'Notes'));
    await waitFor(() => expect(notes.querySelector('mark')?.textContent).toBe('Jane Roe'));
    expect(notes.querySelector('img, b')).toBeNull();
    expect([...notes.querySelectorAll('[data-cp]')].map((r) => r.textContent).join('')).toBe(hostile);
  });

  it('counts hits per type, and keeps every hit of a type with the suggested reason', async () => {
    const { container } = await openRedaction();
    const types = [...container.querySelectorAll<HTMLElement>('[data-type]')];
    expect(types.map((t) => [t.dataset.type, t.querySelector('.count')?.textContent])).toEqual([
      ['third_party_name', '2'],
      ['ssn', '1'],
      ['card_number', '1'],
    ]);
    expect(types[0].textContent).toContain('2 pending');
    await fireEvent.click(el(types[0], '[data-testid="keep-all"]'));
    const reason = screen.getByLabelText<HTMLInputElement>('Reason for keeping every Third-party name redacted');
    expect(reason.value).toBe('GDPR Art. 15(4)');
    await expectAccessible(container);
    await fireEvent.click(screen.getByRole('button', { name: 'Keep all 2' }));
    expect(api.decideRedaction).toHaveBeenCalledWith('2026-0001', { kind: 'third_party_name' }, true, 'GDPR Art. 15(4)');
    await waitFor(() => expect(el(container, '[data-type="third_party_name"]').textContent).toContain('2 kept'));
    expect(hitLabel(container, 1).textContent).toBe('Third-party name · kept');

    // Rejecting every card number asks for the officer's own reason.
    await fireEvent.click(el(container, '[data-type="card_number"] [data-testid="reject-all"]'));
    const why = screen.getByLabelText<HTMLInputElement>('Why may every Card number be disclosed?');
    expect(why.value).toBe('');
    await type(why, 'the requester’s own card, already masked by the shop');
    await fireEvent.click(screen.getByRole('button', { name: 'Reject all 1' }));
    expect(api.decideRedaction).toHaveBeenLastCalledWith(
      '2026-0001',
      { kind: 'card_number' },
      false,
      'the requester’s own card, already masked by the shop',
    );
  });

  it('opens a side note on a hit: why, detector, score, and keeping it with the legal reason', async () => {
    const { container } = await openRedaction();
    await fireEvent.click(hitLabel(container, 3));
    const note = el(container, '#redaction-note');
    expect(document.activeElement).toBe(el(container, '#redaction-note-heading'));
    expect(within(note).getByRole('heading', { name: 'SSN' })).toBeTruthy();
    expect(note.textContent).toContain('123-45-6789');
    expect(note.textContent).toContain('looks like a US Social Security number');
    expect(note.textContent).toContain('pattern');
    expect(note.textContent).toContain('100%');
    expect(note.textContent).toContain('§7024(d)');
    expect(hitLabel(container, 3).classList.contains('selected')).toBe(true);
    await expectAccessible(container);

    await fireEvent.click(el(note, '#keep-redaction'));
    const reason = screen.getByLabelText<HTMLInputElement>('Reason for keeping it redacted');
    expect(reason.value).toBe('§7024(d)');
    await fireEvent.submit(reason.form!);
    expect(api.decideRedaction).toHaveBeenCalledWith('2026-0001', { id: 3 }, true, '§7024(d)');
    await waitFor(() => expect(el(note, '[data-decision]').textContent).toBe('Kept'));
    expect(note.querySelector('#keep-redaction')).toBeNull();

    // A click on the marked text itself opens its note too.
    await fireEvent.click(field(container, 'crm_contacts#3', 'Owner').querySelector('mark')!);
    await waitFor(() => expect(el(container, '#redaction-note').dataset.redaction).toBe('1'));
    expect(screen.getByRole('heading', { name: 'Third-party name' })).toBeTruthy();
  });

  it('rejects a hit only with a reason, then shows it struck through', async () => {
    const { container } = await openRedaction();
    await fireEvent.click(hitLabel(container, 2));
    await fireEvent.click(el(container, '#reject-redaction'));
    const why = screen.getByLabelText<HTMLInputElement>('Why may it be disclosed?');
    expect(why.value).toBe('');
    await fireEvent.click(screen.getByRole('button', { name: 'Reject redaction' }));
    expect(api.decideRedaction).not.toHaveBeenCalled();
    await type(why, 'Jane Roe is the requester’s own maiden name');
    await fireEvent.click(screen.getByRole('button', { name: 'Reject redaction' }));
    expect(api.decideRedaction).toHaveBeenCalledWith('2026-0001', { id: 2 }, false, 'Jane Roe is the requester’s own maiden name');
    await waitFor(() => expect(hitLabel(container, 2).textContent).toBe('Third-party name · rejected'));
    const mark = el(container, 'mark[data-redaction="2"]');
    expect(mark.classList.contains('rejected')).toBe(true);
    expect(hitLabel(container, 2).classList.contains('rejected')).toBe(true);
  });

  it('closes the note with Esc and gives focus back to the hit', async () => {
    const { container } = await openRedaction();
    await fireEvent.click(hitLabel(container, 1));
    await key('Escape', el(container, '#redaction-note-heading'));
    expect(container.querySelector('#redaction-note')).toBeNull();
    expect(document.activeElement).toBe(hitLabel(container, 1));
    expect(container.querySelector('#detail-ref')).not.toBeNull();
  });

  it('redacts a selection by hand, sending character offsets, not UTF-16 ones', async () => {
    const { container } = await openRedaction();
    const notes = field(container, 'crm_contacts#3', 'Notes');
    await select(notes, 'renewal');
    const form = await waitFor(() => el(container, '#manual-redaction'));
    expect(el<HTMLInputElement>(form, '#manual-text').value).toBe('renewal');
    expect(el<HTMLSelectElement>(form, '#manual-field').value).toBe('Notes');
    expect(el<HTMLSelectElement>(form, '#manual-kind').value).toBe('other');
    await expectAccessible(container);

    await fireEvent.click(el(form, '#redact-selection'));
    expect(api.addRedaction).not.toHaveBeenCalled();
    expect(within(form).getByRole('alert').textContent).toContain('Give the reason');

    await fireEvent.change(el(form, '#manual-kind'), { target: { value: 'third_party_name' } });
    expect(el<HTMLInputElement>(form, '#manual-reason').value).toBe('GDPR Art. 15(4)');
    await type(el(form, '#manual-reason'), 'a colleague’s nickname');
    await fireEvent.click(el(form, '#redact-selection'));
    // "renewal" is UTF-16 units 25–32 but characters 24–31: the emoji counts once.
    expect(NOTE_UTF16('renewal')).toBe(25);
    expect(api.addRedaction).toHaveBeenCalledWith('2026-0001', 'crm_contacts', 3, 'Notes', 24, 31, 'third_party_name', 'a colleague’s nickname');
    await waitFor(() => expect(container.querySelector('#manual-redaction')).toBeNull());
    expect(el(container, 'mark[data-redaction="99"]').textContent).toBe('renewal');
  });

  it('takes a selection across marks and labels by its characters only', async () => {
    const { container } = await openRedaction();
    await select(field(container, 'crm_contacts#3', 'Notes'), 'Jane', 'about');
    const form = await waitFor(() => el(container, '#manual-redaction'));
    expect(el<HTMLInputElement>(form, '#manual-text').value).toBe('Jane Roe about');
    await type(el(form, '#manual-reason'), 'whole phrase');
    await fireEvent.click(el(form, '#redact-selection'));
    expect(api.addRedaction).toHaveBeenCalledWith('2026-0001', 'crm_contacts', 3, 'Notes', 9, 23, 'other', 'whole phrase');
  });

  it('redacts typed text from the keyboard, found in the chosen field', async () => {
    const { container } = await openRedaction();
    await fireEvent.click(el(container, '[data-row="crm_contacts#3"] [data-testid="redact-text"]'));
    const form = el(container, '#manual-redaction');
    await fireEvent.change(el(form, '#manual-field'), { target: { value: 'Notes' } });
    await type(el(form, '#manual-text'), 'nowhere');
    await type(el(form, '#manual-reason'), 'typo');
    await fireEvent.click(el(form, '#redact-selection'));
    expect(within(form).getByRole('alert').textContent).toBe('“nowhere” is not in Notes.');
    await type(el(form, '#manual-text'), 'about');
    await fireEvent.click(el(form, '#redact-selection'));
    expect(api.addRedaction).toHaveBeenCalledWith('2026-0001', 'crm_contacts', 3, 'Notes', 18, 23, 'other', 'typo');
  });

  it('previews the output as it will be disclosed, with the withheld items', async () => {
    api.redactedPieces.mockResolvedValue({
      reference: '2026-0001',
      tables: [
        {
          source: 'crm_contacts',
          columns: ['id', 'Name', 'Email', 'Owner', 'Notes'],
          roles: ['record_id', 'person_name', 'email', 'other_person_name', 'free_text'],
          rows: [{ row_id: 'C-103', values: ['C-103', 'Margaret Okafor', 'm.okafor@example.com', '[redacted: third party]', 'Called 😀 [redacted: third party] about renewal; SSN [withheld: a Social Security number is held; the law does not allow us to disclose it]'] }],
        },
      ],
      withheld: ['ssn', 'card_number'],
    });
    const { container } = await openRedaction();
    await fireEvent.click(el(container, '#preview-redacted'));
    const preview = await waitFor(() => el(container, '#redacted-preview'));
    expect(api.redactedPieces).toHaveBeenCalledWith('2026-0001');
    const table = el(preview, 'table[data-source="crm_contacts"]');
    expect(table.querySelector('caption')?.textContent).toContain('crm_contacts');
    expect(table.textContent).toContain('[redacted: third party]');
    expect(table.textContent).not.toContain('123-45-6789');
    expect([...el(preview, '#withheld').querySelectorAll('li')].map((li) => li.textContent)).toEqual(['SSN', 'Card number']);
    await expectAccessible(container);

    // A decision refreshes the preview.
    await fireEvent.click(hitLabel(container, 1));
    await fireEvent.click(el(container, '#keep-redaction'));
    await fireEvent.click(screen.getByRole('button', { name: 'Keep redaction' }));
    await waitFor(() => expect(api.redactedPieces).toHaveBeenCalledTimes(2));
  });

  it('shows why the preview cannot be made', async () => {
    api.redactedPieces.mockRejectedValue({ code: 'invalid', message: 'crm_contacts row 3 (Notes) changed after it was reviewed; run the redaction again' });
    const { container } = await openRedaction();
    await fireEvent.click(el(container, '#preview-redacted'));
    expect((await screen.findByRole('alert')).textContent).toContain('changed after it was reviewed');
  });

  it('exports JSON and CSV from the bottom right, saying where the file went and its SHA-256', async () => {
    const sha = 'c0ffee'.repeat(10) + 'beef';
    const { container } = await openRedaction();
    const bar = el(container, '.export-bar');
    expect([...bar.querySelectorAll('button')].map((b) => b.id)).toEqual(['export-pieces-csv', 'export-pieces-json']);
    expect(el(container, '#export-pieces-json').classList.contains('primary')).toBe(true);
    expect(el(container, '#export-hint').textContent).toContain('4 hits are still pending: exported as redacted unless rejected.');

    api.exportPieces.mockResolvedValueOnce({ path: '/home/o/2026-0001-your-data.json', sha256: sha, rows: 2 });
    await fireEvent.click(el(container, '#export-pieces-json'));
    expect(api.exportPieces).toHaveBeenCalledWith('2026-0001', 'json');
    await waitFor(() =>
      expect(el(document, '#toast').textContent).toBe(
        `Portable copy (JSON, 2 rows) saved to /home/o/2026-0001-your-data.json — SHA-256 ${sha}`,
      ),
    );

    api.exportPieces.mockResolvedValueOnce(null);
    await fireEvent.click(el(container, '#export-pieces-csv'));
    expect(api.exportPieces).toHaveBeenLastCalledWith('2026-0001', 'csv');
    await waitFor(() => expect(el<HTMLButtonElement>(container, '#export-pieces-csv').disabled).toBe(false));
    expect(el(document, '#toast').textContent).toContain('.json');

    api.exportPieces.mockRejectedValueOnce({ code: 'invalid', message: '2026-0001: no confirmed rows to export; confirm the rows found first' });
    await fireEvent.click(el(container, '#export-pieces-csv'));
    await waitFor(() => expect(el(document, '#toast').textContent).toContain('no confirmed rows to export'));
  });

  it('keeps an open decision and its typed reason when switching requests', async () => {
    const { container } = await openRedaction();
    await fireEvent.click(hitLabel(container, 2));
    await fireEvent.click(el(container, '#reject-redaction'));
    await type(screen.getByLabelText('Why may it be disclosed?'), 'her own maid');
    await openRow(container, '2026-0002');
    await openRow(container, '2026-0001');
    await key('4');
    const why = await screen.findByLabelText<HTMLInputElement>('Why may it be disclosed?');
    expect(why.value).toBe('her own maid');
  });
});

function NOTE_UTF16(text: string): number {
  return 'Called 😀 Jane Roe about renewal; SSN 123-45-6789'.indexOf(text);
}
