import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../lib/api', () => import('./api-mock'));

import type { ImportSummary } from '../lib/bindings/ImportSummary';
import type { RequestDetail } from '../lib/bindings/RequestDetail';
import { drafts } from '../lib/drafts';
import * as api from './api-mock';
import { expectAccessible } from './axe';
import { LATER, LIST, LOCKED, OVERDUE, SOON, UNLOCKED, detail, letter, verification } from './fixtures';
import { el, key, openRow, renderDesk as renderList } from './helpers';

const details: Record<string, RequestDetail> = {};

beforeEach(() => {
  api.resetApi();
  api.ledgerInfo.mockResolvedValue(UNLOCKED);
  api.listRequests.mockResolvedValue(LIST);
  for (const s of LIST) details[s.reference] = detail(s);
  api.getRequest.mockImplementation(async (ref) => details[ref]);
});

const renderDesk = () => renderList(LIST.length);

describe('the list', () => {
  it('shows a row per request with reference, requester, kinds, regime, status and days left', async () => {
    const { container } = await renderDesk();
    const row = el(container, '[data-ref="2026-0002"]');
    expect(row.textContent).toContain('2026-0002');
    expect(row.textContent).toContain('Tomás Ruiz');
    expect(row.textContent).toContain('Deletion');
    expect(row.textContent).toContain('Opt-out of sale');
    expect(row.textContent).toContain('Virginia');
    expect(row.textContent).toContain('In progress');
    expect(row.textContent).toContain('3 d');
  });

  it('signals overdue and due-soon with a word or icon, never colour alone', async () => {
    const { container } = await renderDesk();
    const overdue = el(container, '[data-ref="2026-0001"]');
    expect(overdue.textContent).toContain('overdue 3 d');
    expect(overdue.querySelector('svg[data-icon="alert"]')).not.toBeNull();

    const soon = el(container, '[data-ref="2026-0002"]');
    expect(soon.querySelector('svg[data-icon="clock"]')).not.toBeNull();
    expect(soon.textContent).toContain('due soon');

    const later = el(container, '[data-ref="2026-0003"]');
    expect(later.textContent).toContain('36 d');
    expect(later.querySelector('svg[data-icon]')).toBeNull();
    expect(later.textContent).not.toMatch(/overdue|due soon/);
  });

  it('counts overdue and due-within-7-days in the top bar, and the queues', async () => {
    const { container } = await renderDesk();
    const bar = el(container, 'header');
    expect(bar.textContent).toContain('Overdue 1');
    expect(bar.textContent).toContain('Due ≤7d 1');
    const nav = screen.getByRole('navigation', { name: 'Queues' });
    expect(within(nav).getByRole('button', { name: /Inbox\s*1/ })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: /Open\s*2/ })).toBeTruthy();
    expect(within(nav).getByRole('button', { name: /Done\s*0/ })).toBeTruthy();
    await fireEvent.click(within(nav).getByRole('button', { name: /Open/ }));
    expect([...container.querySelectorAll('[data-ref]')].map((r) => r.getAttribute('data-ref'))).toEqual([
      '2026-0002',
      '2026-0003',
    ]);
  });

  it('moves the selection with j and k, and opens it with Enter', async () => {
    const { container } = await renderDesk();
    const selected = () => container.querySelector('[aria-selected="true"]')?.getAttribute('data-ref');
    await key('j');
    expect(selected()).toBe('2026-0001');
    await key('j');
    expect(selected()).toBe('2026-0002');
    await key('j');
    await key('j');
    expect(selected()).toBe('2026-0003');
    await key('k');
    expect(selected()).toBe('2026-0002');
    expect(container.querySelector('#detail-ref')).toBeNull();
    await key('Enter');
    await waitFor(() => expect(container.querySelector('#detail-ref')?.textContent).toBe('2026-0002'));
    // While a request is open, j follows the selection like a mail reader.
    await key('j');
    await waitFor(() => expect(container.querySelector('#detail-ref')?.textContent).toBe('2026-0003'));
    await key('Escape');
    await waitFor(() => expect(container.querySelector('#detail-ref')).toBeNull());
  });

  it('ignores shortcuts while typing in a field', async () => {
    const { container } = await renderDesk();
    const search = el<HTMLInputElement>(container, '#search');
    await key('j', search);
    expect(container.querySelector('[aria-selected="true"]')).toBeNull();
    await key('i', search);
    expect(api.importPick).not.toHaveBeenCalled();
  });

  it('focuses the search with Ctrl+K and searches through the backend', async () => {
    const { container } = await renderDesk();
    await fireEvent.keyDown(document.body, { key: 'k', ctrlKey: true });
    const search = el<HTMLInputElement>(container, '#search');
    expect(document.activeElement).toBe(search);
    api.listRequests.mockResolvedValue([LATER]);
    await fireEvent.input(search, { target: { value: 'tanaka' } });
    await waitFor(() => expect(container.querySelectorAll('[data-ref]').length).toBe(1));
    expect(api.listRequests).toHaveBeenLastCalledWith({ status: null, query: 'tanaka' });
  });
});

describe('the open request', () => {
  it('shows the header and the email body as plain text, never as HTML', async () => {
    const hostile = '<script>alert(1)</script><b>x</b>';
    details['2026-0001'] = detail(OVERDUE, { body_text: hostile });
    const { container } = await renderDesk();
    await openRow(container, '2026-0001');
    const status = el(container, '#detail-status');
    expect(status.dataset.status).toBe('received');
    expect(status.textContent).toBe('Received');
    expect(container.querySelector('article header')?.textContent).toContain('Margaret Okafor');
    expect(container.querySelector('article header')?.textContent).toContain('3 days overdue');

    const body = el(container, 'pre');
    expect(body.textContent).toBe(hostile);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('pre b')).toBeNull();
    expect(body.children.length).toBe(0);
  });

  it('keeps a half-typed edit when switching to another request and back', async () => {
    const { container } = await renderDesk();
    await openRow(container, '2026-0001');
    await fireEvent.input(el(container, '#edit-name'), { target: { value: 'Maggie Okafor' } });
    await fireEvent.input(el(container, '#edit-address'), { target: { value: '22 Elm Road' } });
    expect(drafts.has('2026-0001')).toBe(true);

    await openRow(container, '2026-0002');
    expect(el<HTMLInputElement>(container, '#edit-name').value).toBe('Tomás Ruiz');
    expect(el(container, '[data-ref="2026-0001"]').textContent).toContain('unsaved edit');

    await openRow(container, '2026-0001');
    expect(el<HTMLInputElement>(container, '#edit-name').value).toBe('Maggie Okafor');
    expect(el<HTMLTextAreaElement>(container, '#edit-address').value).toBe('22 Elm Road');
    expect(container.textContent).toContain('Unsaved changes');

    const saved = detail({ ...OVERDUE, requester_name: 'Maggie Okafor' }, { postal_address: '22 Elm Road' });
    api.updateRequest.mockResolvedValue(saved);
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(api.updateRequest).toHaveBeenCalledWith('2026-0001', {
      requester_name: 'Maggie Okafor',
      postal_address: '22 Elm Road',
      kinds: ['access'],
      regime: 'ccpa',
    });
    await waitFor(() => expect(drafts.has('2026-0001')).toBe(false));
  });

  it('asks once before a status that ends the work, saying what will happen', async () => {
    const { container } = await renderDesk();
    await openRow(container, '2026-0001');
    await fireEvent.change(el(container, '#status-select'), { target: { value: 'denied' } });
    await fireEvent.click(el(container, '#status-apply'));
    expect(api.setStatus).not.toHaveBeenCalled();
    expect(container.textContent).toContain('its clocks stop and it moves to Done');

    api.setStatus.mockResolvedValue(detail({ ...OVERDUE, status: 'denied', next_due: null }, { allowed_next: [] }));
    await fireEvent.click(screen.getByRole('button', { name: 'Yes, mark as denied' }));
    expect(api.setStatus).toHaveBeenCalledWith('2026-0001', 'denied');
    await waitFor(() => expect(el(container, '#detail-status').dataset.status).toBe('denied'));
  });

  it('applies an ordinary status change at once', async () => {
    const { container } = await renderDesk();
    await openRow(container, '2026-0001');
    api.setStatus.mockResolvedValue(detail({ ...OVERDUE, status: 'acknowledged' }, { allowed_next: ['verifying'] }));
    await fireEvent.click(el(container, '#status-apply'));
    expect(api.setStatus).toHaveBeenCalledWith('2026-0001', 'acknowledged');
    await waitFor(() => expect(el(container, '#detail-status').dataset.status).toBe('acknowledged'));
  });

  it('exports the acknowledgement letter and says where it went', async () => {
    const { container } = await renderDesk();
    await openRow(container, '2026-0001');
    api.exportLetter.mockResolvedValue({ path: '/home/o/ack-2026-0001.pdf', sha256: 'ab'.repeat(32), reference: '2026-0001' });
    await fireEvent.click(el(container, '#export-ack'));
    expect(api.exportLetter).toHaveBeenCalledWith('2026-0001', 'ack');
    await waitFor(() => expect(el(document, '#toast').textContent).toBe('Letter saved to /home/o/ack-2026-0001.pdf'));
    expect(el(document, '#toast').getAttribute('role')).toBe('status');
  });

  it('switches tabs with 1–6 and shows the log and letters', async () => {
    details['2026-0003'] = detail(LATER, {
      letters: [letter()],
    });
    const { container } = await renderDesk();
    await openRow(container, '2026-0003');
    await key('6');
    expect(screen.getByRole('tab', { name: /Log/ }).getAttribute('aria-selected')).toBe('true');
    expect(el(container, '[role="tabpanel"]').textContent).toContain('request.imported');
    await key('5');
    const letters = el(container, '[role="tabpanel"]');
    expect(letters.textContent).toContain('Acknowledgement');
    expect(letters.textContent).toContain('f00df00df00d…');
    // Acknowledged: the export is the primary action at the bottom, not repeated in the tab.
    expect(container.querySelectorAll('#export-ack').length).toBe(1);
    api.getVerification.mockResolvedValue(verification());
    await key('2');
    await waitFor(() => expect(el(container, '[role="tabpanel"]').textContent).toContain('2 matching data points'));
  });

  it('has no accessibility violations with the list and a request open', async () => {
    const { container } = await renderDesk();
    await openRow(container, '2026-0002');
    await key('j');
    await expectAccessible(container);
    await key('6');
    await expectAccessible(container);
  });
});

describe('import', () => {
  const SUMMARY: ImportSummary = {
    imported: [{ file: '/mail/okafor.eml', ref: '2026-0004' }],
    duplicates: [{ file: '/mail/tanaka.eml', ref: '2026-0003' }],
    joined: [],
    not_requests: [],
    errors: [{ file: '/mail/broken.msg', error: 'not an Outlook message' }],
    warnings: [],
  };

  it('imports with the i key and shows imported, duplicates and errors', async () => {
    api.importPick.mockResolvedValue(SUMMARY);
    const { container } = await renderDesk();
    await key('i');
    const panel = await waitFor(() => el(container, '#import-summary'));
    expect(api.importPick).toHaveBeenCalled();
    expect(within(panel).getByRole('heading', { name: /Imported \(1\)/ })).toBeTruthy();
    expect(within(panel).getByRole('heading', { name: /Already in the ledger \(1\)/ })).toBeTruthy();
    expect(within(panel).getByRole('heading', { name: /Not imported \(1\)/ })).toBeTruthy();
    expect(panel.textContent).toContain('okafor.eml → 2026-0004');
    expect(panel.textContent).toMatch(/tanaka\.eml — already in the ledger as\s+2026-0003/);
    expect(panel.textContent).toContain('broken.msg: not an Outlook message');
    await expectAccessible(container);

    await fireEvent.click(within(panel).getByRole('button', { name: 'Dismiss the import summary' }));
    expect(container.querySelector('#import-summary')).toBeNull();
  });

  it('does nothing when the file dialog is cancelled', async () => {
    api.importPick.mockResolvedValue(null);
    const { container } = await renderDesk();
    await fireEvent.click(el(container, '#import-button'));
    expect(api.importPick).toHaveBeenCalled();
    expect(container.querySelector('#import-summary')).toBeNull();
  });

  it('shows what a drop will do, then imports the dropped paths', async () => {
    api.importDropped.mockResolvedValue(SUMMARY);
    const { container } = await renderDesk();
    await waitFor(() => expect(api.events.drop).not.toBeNull());
    api.events.drop!({ type: 'enter', paths: ['/mail/a.eml', '/mail/b.eml'] });
    expect(await screen.findByText('Import 2 emails')).toBeTruthy();
    api.events.drop!({ type: 'drop', paths: ['/mail/a.eml', '/mail/b.eml'] });
    await waitFor(() => expect(container.querySelector('#import-summary')).not.toBeNull());
    expect(api.importDropped).toHaveBeenCalledWith(['/mail/a.eml', '/mail/b.eml']);
    expect(screen.queryByText('Import 2 emails')).toBeNull();
  });
});

describe('import progress', () => {
  const CANCELLED: ImportSummary = {
    imported: [{ file: '/mail/a.eml', ref: '2026-0004' }],
    duplicates: [],
    joined: [],
    not_requests: [],
    errors: [
      { file: '/mail/b.msg', error: 'not an Outlook message' },
      { file: '/mail/c.eml', error: '/mail/c.eml: not imported: the import was cancelled' },
    ],
    warnings: [],
  };

  /** A promise the test settles, standing in for an import still running in the backend. */
  function pending<T>() {
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }

  const panel = (container: HTMLElement) => container.querySelector<HTMLElement>('#import-progress');
  const bar = (container: HTMLElement) => el<HTMLProgressElement>(container, '#import-progress progress');

  it('shows a progress bar with counts while a picked import runs, and the summary when it resolves', async () => {
    const run = pending<ImportSummary | null>();
    api.importPick.mockReturnValue(run.promise);
    const { container } = await renderDesk();
    await waitFor(() => expect(api.events.progress).not.toBeNull());
    await key('i');
    expect(api.importPick).toHaveBeenCalledTimes(1);
    // The file dialog is still open: nothing to count yet.
    expect(panel(container)).toBeNull();

    api.events.progress!({ done: 0, total: 3, current: '/mail/a.eml', errors: 0 });
    const shown = await waitFor(() => el(container, '#import-progress'));
    const status = within(shown).getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toContain('Importing 1 of 3 — a.eml');
    expect(status.textContent).not.toContain('so far');
    expect(bar(container).max).toBe(3);
    expect(bar(container).value).toBe(0);
    expect(el(container, '#import-button').textContent).toContain('Importing…');

    api.events.progress!({ done: 2, total: 3, current: '/mail/c.eml', errors: 1 });
    await waitFor(() => expect(status.textContent).toContain('Importing 3 of 3 — c.eml'));
    expect(status.textContent).toContain('1 error so far');
    expect(bar(container).value).toBe(2);

    // A second import cannot start while this one runs.
    await key('i');
    expect(api.importPick).toHaveBeenCalledTimes(1);

    run.resolve(CANCELLED);
    const summary = await waitFor(() => el(container, '#import-summary'));
    expect(panel(container)).toBeNull();
    expect(summary.textContent).toContain('c.eml: /mail/c.eml: not imported: the import was cancelled');
    expect(el(container, '#import-button').textContent).not.toContain('Importing…');

    // An event arriving after the import resolved does not bring the panel back.
    api.events.progress!({ done: 3, total: 3, current: '/mail/c.eml', errors: 1 });
    await Promise.resolve();
    expect(panel(container)).toBeNull();
  });

  it('cancels from a keyboard-reachable button, then shows what was not imported', async () => {
    const run = pending<ImportSummary | null>();
    api.importPick.mockReturnValue(run.promise);
    const { container } = await renderDesk();
    await waitFor(() => expect(api.events.progress).not.toBeNull());
    await fireEvent.click(el(container, '#import-button'));
    api.events.progress!({ done: 1, total: 5, current: 'C:\\mail\\b.msg', errors: 2 });
    await waitFor(() => expect(panel(container)?.textContent).toContain('Importing 2 of 5 — b.msg'));
    expect(panel(container)!.textContent).toContain('2 errors so far');

    const cancel = el<HTMLButtonElement>(container, '#import-cancel');
    expect(cancel.disabled).toBe(false);
    expect(cancel.tabIndex).toBe(0);
    cancel.focus();
    expect(document.activeElement).toBe(cancel);
    await fireEvent.click(cancel);
    expect(api.cancelImport).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(cancel.disabled).toBe(true));
    expect(cancel.textContent).toContain('Cancelling…');
    await fireEvent.click(cancel);
    expect(api.cancelImport).toHaveBeenCalledTimes(1);

    run.resolve(CANCELLED);
    await waitFor(() => expect(container.querySelector('#import-summary')).not.toBeNull());
    expect(panel(container)).toBeNull();
    expect(within(el(container, '#import-summary')).getByRole('heading', { name: /Not imported \(2\)/ })).toBeTruthy();
  });

  it('lets Cancel be tried again when the backend refuses it', async () => {
    const run = pending<ImportSummary | null>();
    api.importPick.mockReturnValue(run.promise);
    api.cancelImport.mockRejectedValueOnce({ code: 'unknown', message: 'The ledger is locked.' });
    const { container } = await renderDesk();
    await waitFor(() => expect(api.events.progress).not.toBeNull());
    await key('i');
    api.events.progress!({ done: 0, total: 2, current: '/mail/a.eml', errors: 0 });
    const cancel = await waitFor(() => el<HTMLButtonElement>(container, '#import-cancel'));
    await fireEvent.click(cancel);
    await waitFor(() => expect(el(document, '#toast').textContent).toBe('The ledger is locked.'));
    expect(cancel.disabled).toBe(false);
    expect(cancel.textContent).toContain('Cancel');
    expect(cancel.textContent).not.toContain('Cancelling');
    run.resolve(null);
    await waitFor(() => expect(panel(container)).toBeNull());
    expect(container.querySelector('#import-summary')).toBeNull();
  });

  it('shows progress for a drop at once, and takes it away when the import fails', async () => {
    const run = pending<ImportSummary>();
    api.importDropped.mockReturnValue(run.promise);
    const { container } = await renderDesk();
    await waitFor(() => expect(api.events.drop).not.toBeNull());
    api.events.drop!({ type: 'drop', paths: ['/mail/a.eml', '/mail/old'] });
    const shown = await waitFor(() => el(container, '#import-progress'));
    expect(shown.textContent).toContain('Getting ready to import 2 dropped items…');
    // Nothing to cancel until the backend has started on the files.
    expect(el<HTMLButtonElement>(container, '#import-cancel').disabled).toBe(true);

    api.events.progress!({ done: 0, total: 4, current: '/mail/old/x.eml', errors: 0 });
    await waitFor(() => expect(shown.textContent).toContain('Importing 1 of 4 — x.eml'));
    expect(bar(container).max).toBe(4);
    expect(el<HTMLButtonElement>(container, '#import-cancel').disabled).toBe(false);

    run.reject({ code: 'locked', message: 'The ledger is locked.' });
    await waitFor(() => expect(panel(container)).toBeNull());
    expect(el(document, '#toast').textContent).toBe('The ledger is locked.');
  });

  it('has no accessibility violations while importing', async () => {
    const run = pending<ImportSummary>();
    api.importDropped.mockReturnValue(run.promise);
    const { container } = await renderDesk();
    await waitFor(() => expect(api.events.drop).not.toBeNull());
    api.events.drop!({ type: 'drop', paths: ['/mail/a.eml'] });
    await waitFor(() => expect(panel(container)).not.toBeNull());
    await expectAccessible(panel(container)!);
    api.events.progress!({ done: 1, total: 2, current: '/mail/b.eml', errors: 1 });
    await waitFor(() => expect(panel(container)?.textContent).toContain('1 error so far'));
    await expectAccessible(container);
    await fireEvent.click(el(container, '#import-cancel'));
    await waitFor(() => expect(panel(container)?.textContent).toContain('Cancelling…'));
    await expectAccessible(panel(container)!);
    run.resolve(CANCELLED);
    await waitFor(() => expect(container.querySelector('#import-summary')).not.toBeNull());
    await waitFor(() => expect(el(document, '#toast').textContent).toBe('Import finished.'));
  });
});

describe('settings', () => {
  const PROFILE = {
    name: 'Acme Data Inc.',
    address: '500 Market St\nSan Francisco, CA',
    privacy_email: 'privacy@acme.example',
    time_zone: 'America/Los_Angeles',
    officer_name: 'Dana Reyes',
    idle_lock_minutes: 10,
    retention_months: 24,
    lookback_months: 12,
    abandon_after_days: 45,
    max_attachment_mb: 25,
    closure_days: [],
  };

  async function openSettings() {
    api.getProfile.mockResolvedValue(PROFILE);
    const view = await renderDesk();
    await fireEvent.click(el(view.container, '#settings'));
    await waitFor(() => expect(el<HTMLInputElement>(view.container, '#profile-name').value).toBe('Acme Data Inc.'));
    return view;
  }

  it('saves the company profile', async () => {
    const { container } = await openSettings();
    api.saveProfile.mockImplementation(async (p) => p);
    await fireEvent.input(el(container, '#profile-idle'), { target: { value: '15' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(api.saveProfile).toHaveBeenCalledWith({ ...PROFILE, idle_lock_minutes: 15 });
  });

  it('sets how far back the specific pieces reach, 0 meaning everything', async () => {
    const { container } = await openSettings();
    const lookback = screen.getByLabelText<HTMLInputElement>('Look back (months) for specific pieces');
    expect(lookback.value).toBe('12');
    expect(el(container, '#profile-lookback-help').textContent).toContain('§7024(h): 12 months unless the officer decides otherwise');
    api.saveProfile.mockImplementation(async (p) => p);
    await fireEvent.input(lookback, { target: { value: '-1' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(api.saveProfile).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('0 means everything held');
    await fireEvent.input(lookback, { target: { value: '0' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(api.saveProfile).toHaveBeenCalledWith({ ...PROFILE, lookback_months: 0 });
  });

  it('verifies the audit chain and names the first broken entry', async () => {
    const { container } = await openSettings();
    api.verifyAudit.mockResolvedValue({ ok: true, entries: 42, first_broken: null, message: 'ok' });
    await fireEvent.click(screen.getByRole('button', { name: 'Verify audit chain' }));
    await waitFor(() => expect(container.textContent).toContain('Audit chain verified (42 entries)'));

    api.verifyAudit.mockResolvedValue({ ok: false, entries: 42, first_broken: 17, message: 'Entry 17 does not match its hash.' });
    await fireEvent.click(screen.getByRole('button', { name: 'Verify audit chain' }));
    await waitFor(() => expect(container.textContent).toContain('Entry 17 does not match its hash.'));
  });

  it('changes the passphrase only when the new one is long enough and repeated', async () => {
    const { container } = await openSettings();
    await fireEvent.input(el(container, '#rekey-current'), { target: { value: 'old passphrase here' } });
    await fireEvent.input(el(container, '#rekey-new'), { target: { value: 'a new long passphrase' } });
    await fireEvent.input(el(container, '#rekey-new2'), { target: { value: 'a new long passphrasE' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(api.ledgerRekey).not.toHaveBeenCalled();
    expect(container.textContent).toContain('do not match');

    api.ledgerRekey.mockResolvedValue(null);
    await fireEvent.input(el(container, '#rekey-new2'), { target: { value: 'a new long passphrase' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    expect(api.ledgerRekey).toHaveBeenCalledWith('old passphrase here', 'a new long passphrase');
  });

  it('has no accessibility violations', async () => {
    const { container } = await openSettings();
    api.verifyAudit.mockResolvedValue({ ok: true, entries: 3, first_broken: null, message: 'ok' });
    await fireEvent.click(screen.getByRole('button', { name: 'Verify audit chain' }));
    await screen.findByText(/Audit chain verified/);
    await expectAccessible(container);
  });
});

describe('locking', () => {
  it('goes back to the unlock screen and forgets request data when the backend locks', async () => {
    const { container } = await renderDesk();
    await openRow(container, '2026-0001');
    await fireEvent.input(el(container, '#edit-name'), { target: { value: 'Half typed' } });
    expect(drafts.size).toBe(1);
    api.ledgerInfo.mockResolvedValue(LOCKED);
    api.events.locked!();
    await screen.findByRole('heading', { name: 'Unlock the ledger' });
    expect(container.querySelector('[data-ref]')).toBeNull();
    expect(drafts.size).toBe(0);
    expect(container.textContent).toContain('locked itself');
  });

  it('locks on the Lock button', async () => {
    api.ledgerLock.mockResolvedValue(LOCKED);
    const { container } = await renderDesk();
    api.ledgerInfo.mockResolvedValue(LOCKED);
    await fireEvent.click(el(container, '#lock'));
    expect(api.ledgerLock).toHaveBeenCalled();
    await screen.findByRole('heading', { name: 'Unlock the ledger' });
  });

  it('keeps the ledger alive on activity, at most once per 30 seconds', async () => {
    await renderDesk();
    await key('j');
    await key('j');
    await fireEvent.pointerDown(document.body);
    expect(api.keepalive).toHaveBeenCalledTimes(1);
  });
});

describe('shortcut sheet', () => {
  it('opens with ? and closes with Esc', async () => {
    await renderDesk();
    await key('?');
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(sheet.textContent).toContain('Next / previous request');
    await key('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

// Silence the unused warning for fixtures only some tests need.
void SOON;
