// The Data sources screen: the company's exports, what each column holds, importing and removing them.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../lib/api', () => import('./api-mock'));

import type { DataImportSummary } from '../lib/bindings/DataImportSummary';
import * as api from './api-mock';
import { expectAccessible } from './axe';
import { CRM, LIST, UNLOCKED, WEB } from './fixtures';
import { el, key, renderDesk } from './helpers';

beforeEach(() => {
  api.resetApi();
  api.ledgerInfo.mockResolvedValue(UNLOCKED);
  api.listRequests.mockResolvedValue(LIST);
});

async function openSources() {
  const view = await renderDesk(3);
  await fireEvent.click(el(view.container, '#nav-sources'));
  await waitFor(() => expect(view.container.querySelector('[aria-busy="true"]')).toBeNull());
  return view;
}

/** A promise the test settles, standing in for an import still running in the backend. */
function pending<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

const source = (container: HTMLElement, name: string) => el(container, `[data-source="${name}"]`);

describe('data sources', () => {
  it('is a company screen in the left column, reachable by keyboard, and Esc goes back', async () => {
    const { container } = await openSources();
    const nav = screen.getByRole('navigation', { name: 'Company' });
    const button = within(nav).getByRole('button', { name: 'Data sources' });
    expect(button.id).toBe('nav-sources');
    expect(button.getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(el(container, '#sources-heading'));
    await key('Escape');
    await waitFor(() => expect(container.querySelector('#sources-heading')).toBeNull());
    expect(container.querySelectorAll('[data-ref]').length).toBe(3);
  });

  it('teaches what a data source is when there is none', async () => {
    const { container } = await openSources();
    const empty = el(container, '#sources-empty');
    expect(empty.textContent).toContain('No data sources yet');
    expect(empty.textContent).toMatch(/CSV.*JSON.*JSONL/);
    expect(empty.textContent).toContain('CRM');
    expect(empty.textContent).toContain('stored encrypted in the ledger');
    expect(empty.textContent).toContain('newer export of the same file replaces');
    expect(el(container, '#import-sources').classList.contains('primary')).toBe(true);
    await expectAccessible(container);
  });

  it('lists each source with its file, import time, rows, problems and columns', async () => {
    api.listSources.mockResolvedValue([CRM, WEB]);
    const { container } = await openSources();
    const crm = source(container, 'crm_contacts');
    expect(within(crm).getByRole('heading', { name: 'crm_contacts' })).toBeTruthy();
    expect(crm.textContent).toContain('crm_contacts.csv');
    expect(crm.textContent).toContain('10 Jan 2026');
    expect(crm.textContent).toContain('1,250 rows');
    const problems = el<HTMLDetailsElement>(crm, 'details');
    expect(problems.open).toBe(false);
    expect(problems.querySelector('summary')?.textContent).toContain('2 problems while reading');
    expect(problems.textContent).toContain('crm_contacts.csv:17: 3 fields, expected 5');
    expect(problems.textContent).toContain('crm_contacts.csv:204: unclosed quote');
    expect(source(container, 'web_orders').querySelector('details')).toBeNull();

    const owner = el<HTMLSelectElement>(crm, '[data-column="Owner"] select');
    expect(owner.value).toBe('other_person_name');
    expect(owner.selectedOptions[0].textContent).toBe('Someone else’s name (owner, author)');
    expect(within(crm).getByRole('combobox', { name: 'Owner What it holds' })).toBe(owner);
    expect([...owner.options].map((o) => o.value)).toHaveLength(17);
    await expectAccessible(container);
  });

  it('changes what a column holds through the backend', async () => {
    api.listSources.mockResolvedValue([CRM]);
    const changed = { ...CRM, columns: CRM.columns.map((c) => (c.name === 'Notes' ? { ...c, role: 'other' as const } : c)) };
    api.setColumnRole.mockResolvedValue([changed]);
    const { container } = await openSources();
    await fireEvent.change(el(container, '[data-column="Notes"] select'), { target: { value: 'other' } });
    expect(api.setColumnRole).toHaveBeenCalledWith('crm_contacts', 'Notes', 'other');
    await waitFor(() => expect(el(document, '#toast').textContent).toBe('Notes in crm_contacts now reads as “Other”.'));
    expect(el<HTMLSelectElement>(container, '[data-column="Notes"] select').value).toBe('other');
  });

  it('imports exports with a progress bar, rows and bytes, Cancel, then a summary', async () => {
    const run = pending<DataImportSummary | null>();
    api.importSourcesPick.mockReturnValue(run.promise);
    const { container } = await openSources();
    await fireEvent.click(el(container, '#import-sources'));
    await waitFor(() => expect(api.events.dataProgress).not.toBeNull());
    expect(api.importSourcesPick).toHaveBeenCalledTimes(1);
    expect(el(container, '#import-sources').textContent).toContain('Importing…');
    // The file dialog is still open: nothing to show yet.
    expect(container.querySelector('#data-import-progress')).toBeNull();

    api.events.dataProgress!({ file: '/exports/crm_contacts.csv', bytes_done: 512 * 1024, bytes_total: 2 * 1024 * 1024, rows: 3400 });
    const panel = await waitFor(() => el(container, '#data-import-progress'));
    const status = within(panel).getByRole('status');
    expect(status.textContent).toContain('Reading crm_contacts.csv');
    expect(status.textContent).toContain('3,400 rows · 512 KB of 2.0 MB');
    const bar = el<HTMLProgressElement>(panel, 'progress');
    expect(bar.max).toBe(2 * 1024 * 1024);
    expect(bar.value).toBe(512 * 1024);
    await expectAccessible(container);

    await fireEvent.click(el(container, '#data-import-cancel'));
    expect(api.cancelImport).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(el<HTMLButtonElement>(container, '#data-import-cancel').disabled).toBe(true));

    api.listSources.mockResolvedValue([CRM]);
    run.resolve({ imported: [CRM], errors: ['broken.json: not JSON at line 1'], cancelled: true });
    const summary = await waitFor(() => el(container, '#data-import-summary'));
    expect(container.querySelector('#data-import-progress')).toBeNull();
    expect(summary.textContent).toContain('Import cancelled: 1 source imported · 1 file not imported');
    expect(el(summary, '[data-imported="crm_contacts"]').textContent).toContain('1,250 rows, 2 problems (the rest imported)');
    expect(summary.textContent).toContain('broken.json: not JSON at line 1');
    // The listener is gone and the list reloaded.
    expect(api.events.dataProgress).toBeNull();
    await waitFor(() => expect(container.querySelector('[data-source="crm_contacts"]')).not.toBeNull());
    await expectAccessible(container);

    await fireEvent.click(within(summary).getByRole('button', { name: 'Dismiss the import summary' }));
    expect(container.querySelector('#data-import-summary')).toBeNull();
  });

  it('does nothing when the dialog is cancelled, and says when the import fails', async () => {
    api.importSourcesPick.mockResolvedValueOnce(null);
    const { container } = await openSources();
    await fireEvent.click(el(container, '#import-sources'));
    await waitFor(() => expect(el<HTMLButtonElement>(container, '#import-sources').disabled).toBe(false));
    expect(container.querySelector('#data-import-summary')).toBeNull();

    api.importSourcesPick.mockRejectedValueOnce({ code: 'locked', message: 'The ledger is locked.' });
    await fireEvent.click(el(container, '#import-sources'));
    await waitFor(() => expect(el(document, '#toast').textContent).toBe('The ledger is locked.'));
  });

  it('asks once before removing a source, saying what happens', async () => {
    api.listSources.mockResolvedValue([CRM, WEB]);
    api.removeSource.mockResolvedValue([WEB]);
    const { container } = await openSources();
    const crm = source(container, 'crm_contacts');
    await fireEvent.click(el(crm, '[data-testid="remove-source"]'));
    expect(api.removeSource).not.toHaveBeenCalled();
    const ask = within(crm).getByRole('group', { name: /Remove crm_contacts\?/ });
    expect(ask.textContent).toContain('Remove crm_contacts?');
    expect(ask.textContent).toContain('1,250 rows leave the ledger');
    expect(document.activeElement).toBe(el(crm, '[data-testid="confirm-remove"]'));
    await expectAccessible(container);

    await fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(crm.querySelector('[data-testid="confirm-remove"]')).toBeNull();
    expect(document.activeElement).toBe(el(crm, '[data-testid="remove-source"]'));

    await fireEvent.click(el(crm, '[data-testid="remove-source"]'));
    await fireEvent.click(within(crm).getByRole('button', { name: 'Yes, remove crm_contacts' }));
    expect(api.removeSource).toHaveBeenCalledWith('crm_contacts');
    await waitFor(() => expect(container.querySelector('[data-source="crm_contacts"]')).toBeNull());
    expect(el(document, '#toast').textContent).toBe('crm_contacts removed from the ledger.');
  });

  it('imports exports, not emails, with the i key on this screen', async () => {
    api.importSourcesPick.mockResolvedValue({ imported: [WEB], errors: [], cancelled: false });
    const { container } = await openSources();
    api.listSources.mockResolvedValue([WEB]);
    await key('i');
    expect(api.importSourcesPick).toHaveBeenCalledTimes(1);
    expect(api.importPick).not.toHaveBeenCalled();
    const summary = await waitFor(() => el(container, '#data-import-summary'));
    expect(summary.textContent).toContain('Import finished: 1 source imported');
    await waitFor(() => expect(container.querySelector('[data-source="web_orders"]')).not.toBeNull());
  });

  it('keeps Esc in the removal question to cancel it, not to leave the screen', async () => {
    api.listSources.mockResolvedValue([CRM]);
    const { container } = await openSources();
    await fireEvent.click(el(container, '[data-testid="remove-source"]'));
    await key('Escape', el(container, '[data-testid="confirm-remove"]'));
    expect(container.querySelector('[data-testid="confirm-remove"]')).toBeNull();
    expect(container.querySelector('#sources-heading')).not.toBeNull();
  });
});
