// The Letters tab: previewing a letter from its PDF, saving it, the letters
// exported and how they were sent, and the recipients of a deletion or opt-out.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../lib/api', () => import('./api-mock'));
vi.mock('../lib/pdfPreview', () => ({ openPdf: vi.fn() }));

import type { RequestDetail } from '../lib/bindings/RequestDetail';
import { openPdf, type PdfDocument } from '../lib/pdfPreview';
import * as api from './api-mock';
import { expectAccessible } from './axe';
import { LIST, SOON, UNLOCKED, detail, letter, task } from './fixtures';
import { el, key, openRow, renderDesk, type } from './helpers';

const details: Record<string, RequestDetail> = {};
const pdf = vi.mocked(openPdf);
let drawn: [number, HTMLCanvasElement][] = [];
let destroyed = 0;

function fakeDoc(pages: number): PdfDocument {
  return {
    pages,
    renderPage: async (n, canvas) => {
      drawn.push([n, canvas]);
    },
    destroy: async () => {
      destroyed++;
    },
  };
}

beforeEach(() => {
  api.resetApi();
  api.ledgerInfo.mockResolvedValue(UNLOCKED);
  api.listRequests.mockResolvedValue(LIST);
  for (const s of LIST) details[s.reference] = detail(s);
  api.getRequest.mockImplementation(async (ref) => details[ref]);
  pdf.mockReset();
  pdf.mockImplementation(async () => fakeDoc(2));
  drawn = [];
  destroyed = 0;
});

/** SOON (2026-0002): Virginia, deletion and opt-out of sale; its clock's today is 15 Jan 2026. */
async function openLetters(ref = '2026-0002') {
  const view = await renderDesk(3);
  await openRow(view.container, ref);
  await key('5');
  await waitFor(() => expect(view.container.querySelector('#letter-kind')).not.toBeNull());
  return view;
}

const options = (container: HTMLElement, sel: string) =>
  [...el<HTMLSelectElement>(container, sel).options].map((o) => o.value);

const pages = (container: HTMLElement) =>
  [...el(container, '#letter-preview').querySelectorAll('canvas')].map((c) => c.dataset.page);

describe('the letter preview', () => {
  it('draws the chosen letter from its PDF, page by page, then saves it with the same options', async () => {
    const { container } = await openLetters();
    expect(el(container, '#letter-preview').querySelector('canvas')).toBeNull();
    expect(api.previewLetter).not.toHaveBeenCalled();
    expect(options(container, '#letter-kind')).toEqual(['', 'ack', 'deletion', 'deletion_denied', 'opt_out_sale', 'denial']);
    // Virginia: English or Spanish only.
    expect(options(container, '#letter-lang')).toEqual(['', 'en', 'es']);
    expect(el<HTMLSelectElement>(container, '#letter-lang').selectedOptions[0].textContent).toBe('As the request');
    expect(el<HTMLButtonElement>(container, '#letter-save').disabled).toBe(true);

    const bytes = new ArrayBuffer(16);
    api.previewLetter.mockResolvedValue(bytes);
    await fireEvent.change(el(container, '#letter-kind'), { target: { value: 'deletion' } });
    await waitFor(() => expect(pages(container)).toEqual(['1', '2']));
    expect(api.previewLetter).toHaveBeenCalledWith('2026-0002', 'deletion', { lang: null, reason: '', task: null });
    expect(pdf).toHaveBeenCalledWith(bytes);
    await waitFor(() => expect(drawn.map(([n]) => n)).toEqual([1, 2]));
    expect(drawn.map(([, c]) => c.dataset.page)).toEqual(['1', '2']);
    expect(el(container, '#letter-page-count').textContent).toBe('Page 1 of 2');
    const region = screen.getByRole('region', { name: 'Preview: Deletion confirmation' });
    expect(region.id).toBe('letter-preview');
    expect(within(region).getAllByRole('img').map((i) => i.getAttribute('aria-label'))).toEqual([
      'Deletion confirmation, page 1 of 2',
      'Deletion confirmation, page 2 of 2',
    ]);
    await expectAccessible(container);

    // A deletion may say what was kept: typing waits for a pause, then draws again.
    expect(el(container, 'label[for="letter-reason"]').textContent).toContain('What was kept');
    pdf.mockImplementation(async () => fakeDoc(3));
    await type(el(container, '#letter-reason'), 'Invoices, kept 7 years for tax law');
    await fireEvent.change(el(container, '#letter-lang'), { target: { value: 'es' } });
    await waitFor(() =>
      expect(api.previewLetter).toHaveBeenLastCalledWith('2026-0002', 'deletion', {
        lang: 'es',
        reason: 'Invoices, kept 7 years for tax law',
        task: null,
      }),
    );
    await waitFor(() => expect(pages(container)).toEqual(['1', '2', '3']));
    expect(destroyed).toBeGreaterThanOrEqual(1);

    api.exportLetter.mockResolvedValue({ path: '/home/o/2026-0002-deletion.pdf', sha256: 'ab'.repeat(32), reference: '2026-0002' });
    await fireEvent.click(el(container, '#letter-save'));
    expect(api.exportLetter).toHaveBeenCalledWith('2026-0002', 'deletion', {
      lang: 'es',
      reason: 'Invoices, kept 7 years for tax law',
      task: null,
    });
    await waitFor(() => expect(el(document, '#toast').textContent).toBe('Deletion confirmation saved to /home/o/2026-0002-deletion.pdf'));
  });

  it('waits for a pause in typing before drawing the letter again', async () => {
    const { container } = await openLetters();
    await fireEvent.change(el(container, '#letter-kind'), { target: { value: 'denial' } });
    await waitFor(() => expect(api.previewLetter).toHaveBeenCalledTimes(1));
    await type(el(container, '#letter-reason'), 'N');
    await type(el(container, '#letter-reason'), 'No');
    await type(el(container, '#letter-reason'), 'Not verified');
    expect(api.previewLetter).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(api.previewLetter).toHaveBeenCalledTimes(2));
    expect(api.previewLetter).toHaveBeenLastCalledWith('2026-0002', 'denial', { lang: null, reason: 'Not verified', task: null });
  });

  it('offers German and French under the GDPR', async () => {
    const { container } = await openLetters('2026-0003');
    expect(options(container, '#letter-lang')).toEqual(['', 'en', 'es', 'de', 'fr']);
    await fireEvent.change(el(container, '#letter-kind'), { target: { value: 'correction' } });
    await fireEvent.change(el(container, '#letter-lang'), { target: { value: 'fr' } });
    await waitFor(() => expect(api.previewLetter).toHaveBeenLastCalledWith('2026-0003', 'correction', { lang: 'fr', reason: '', task: null }));
  });

  it('shows why a letter cannot be made, in place of the preview', async () => {
    const { container } = await openLetters();
    await fireEvent.change(el(container, '#letter-kind'), { target: { value: 'opt_out_sale' } });
    await waitFor(() => expect(pages(container)).toEqual(['1', '2']));
    const why = 'this letter does not fit the request: give the reason for the refusal (it is required in the letter)';
    api.previewLetter.mockRejectedValue({ code: 'invalid', message: why });
    await fireEvent.change(el(container, '#letter-kind'), { target: { value: 'denial' } });
    const preview = el(container, '#letter-preview');
    await waitFor(() => expect(within(preview).getByRole('alert').textContent).toBe(why));
    expect(preview.querySelector('canvas')).toBeNull();
    expect(container.querySelector('#letter-page-count')).toBeNull();
    await expectAccessible(container);

    // Giving the reason makes the letter.
    api.previewLetter.mockResolvedValue(new ArrayBuffer(8));
    await type(el(container, '#letter-reason'), 'We could not verify who is asking');
    await waitFor(() => expect(pages(container)).toEqual(['1', '2']));
    expect(within(preview).queryByRole('alert')).toBeNull();
  });

  it('previews a letter from its line in the list, and keeps what was typed across requests', async () => {
    const { container } = await openLetters();
    await fireEvent.click(el(container, '#preview-deletion_denied'));
    await waitFor(() => expect(api.previewLetter).toHaveBeenCalledWith('2026-0002', 'deletion_denied', { lang: null, reason: '', task: null }));
    expect(el<HTMLSelectElement>(container, '#letter-kind').value).toBe('deletion_denied');
    await waitFor(() => expect(document.activeElement).toBe(el(container, '#letter-preview')));
    await type(el(container, '#letter-reason'), 'Legal hold');

    await openRow(container, '2026-0001');
    await openRow(container, '2026-0002');
    await key('5');
    await waitFor(() => expect(el<HTMLTextAreaElement>(container, '#letter-reason').value).toBe('Legal hold'));
    expect(el<HTMLSelectElement>(container, '#letter-kind').value).toBe('deletion_denied');
  });
});

describe('exported letters', () => {
  it('lists language, data map version and sending; views the letter as it was kept', async () => {
    details['2026-0002'] = detail(SOON, {
      letters: [
        letter(),
        letter({ id: 8, kind: 'deletion', lang: 'es', data_map_version: 3, template_version: 2, file_name: 'del.pdf', delivery: 'email', delivered_on: '2026-01-16' }),
      ],
    });
    const { container } = await openLetters();
    const ack = el(container, 'tr[data-exported="7"]');
    expect(ack.textContent).toContain('Acknowledgement');
    expect(ack.textContent).toContain('English');
    expect(ack.textContent).toContain('v2');
    expect(ack.textContent).toContain('Template: built-in');
    expect(ack.querySelector('#deliver-7')).not.toBeNull();
    const del = el(container, 'tr[data-exported="8"]');
    expect(del.textContent).toContain('Spanish');
    expect(del.textContent).toContain('v3');
    expect(del.textContent).toContain('Template: version 2');
    expect(del.textContent).toContain('Sent by email on 16 Jan 2026');
    expect(del.querySelector('#deliver-8')).toBeNull();

    await fireEvent.click(el(del, '[data-view="8"]'));
    await waitFor(() => expect(api.storedLetter).toHaveBeenCalledWith('2026-0002', 8));
    await waitFor(() => expect(pages(container)).toEqual(['1', '2']));
    expect(api.previewLetter).not.toHaveBeenCalled();
    expect(screen.getByRole('region', { name: /^Preview: Deletion confirmation exported/ })).toBeTruthy();
    expect(container.querySelector('#letter-save')).toBeNull();
    expect(container.querySelector('#letter-kind')).toBeNull();
    expect(el(del, '[data-view="8"]').getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(container);

    await fireEvent.click(el(container, '#letter-back'));
    await waitFor(() => expect(document.activeElement).toBe(el(container, '#letter-kind')));
    await waitFor(() => expect(el(container, '#letter-preview').querySelector('canvas')).toBeNull());
  });

  it('records how and when a letter was sent, today by default', async () => {
    details['2026-0002'] = detail(SOON, { letters: [letter()] });
    const { container } = await openLetters();
    await fireEvent.click(el(container, '#deliver-7'));
    expect(document.activeElement).toBe(el(container, '#delivery-via-7'));
    expect(el<HTMLSelectElement>(container, '#delivery-via-7').value).toBe('email');
    expect(options(container, '#delivery-via-7')).toEqual(['email', 'post', 'account']);
    expect(el<HTMLInputElement>(container, '#delivery-on-7').value).toBe('2026-01-15');
    await expectAccessible(container);

    const sent = letter({ delivery: 'post', delivered_on: '2026-01-14' });
    api.recordDelivery.mockResolvedValue(sent);
    details['2026-0002'] = detail(SOON, { letters: [sent] });
    await fireEvent.change(el(container, '#delivery-via-7'), { target: { value: 'post' } });
    await type(el(container, '#delivery-on-7'), '2026-01-14');
    await fireEvent.click(el(container, '#delivery-save-7'));
    expect(api.recordDelivery).toHaveBeenCalledWith('2026-0002', 7, 'post', '2026-01-14');
    await waitFor(() => expect(el(container, 'tr[data-exported="7"]').textContent).toContain('Sent by post on 14 Jan 2026'));
    expect(el(document, '#toast').textContent).toBe('Acknowledgement: sent by post on 14 Jan 2026.');
    expect(container.querySelector('#delivery-via-7')).toBeNull();
  });

  it('keeps the form open and says why when recording fails', async () => {
    details['2026-0002'] = detail(SOON, { letters: [letter()] });
    const { container } = await openLetters();
    await fireEvent.click(el(container, '#deliver-7'));
    api.recordDelivery.mockRejectedValue({ code: 'invalid', message: 'the date is before the letter was exported' });
    await fireEvent.click(el(container, '#delivery-save-7'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('the date is before the letter was exported'));
    await key('Escape', el(container, '#delivery-save-7'));
    await waitFor(() => expect(document.activeElement).toBe(el(container, '#deliver-7')));
  });
});

describe('recipients to tell', () => {
  const TASKS = [task(), task({ id: 2, recipient_id: 'zoominfo', recipient: 'ZoomInfo', action: 'opt_out_sale', sent_on: '2026-01-15' })];

  it('is not shown for a request with no deletion or opt-out', async () => {
    const { container } = await openLetters('2026-0003');
    expect(api.getRecipientTasks).toHaveBeenCalledWith('2026-0003');
    expect(container.querySelector('#recipient-tasks')).toBeNull();
  });

  it('makes the tasks from the data map, records notices and confirmations, and writes each notice', async () => {
    api.getRecipientTasks.mockResolvedValue({ tasks: [], open: 0, applies: true });
    const { container } = await openLetters();
    const panel = el(container, '#recipient-tasks');
    expect(el(panel, '#tasks-summary').textContent).toContain('No tasks yet');
    // No task, no notice letter to choose.
    expect(options(container, '#letter-kind')).not.toContain('vendor_notice');

    api.createRecipientTasks.mockResolvedValue({ tasks: TASKS, open: 2, applies: true });
    await fireEvent.click(el(panel, '#tasks-create'));
    expect(api.createRecipientTasks).toHaveBeenCalledWith('2026-0002');
    await waitFor(() => expect(panel.querySelectorAll('tr[data-task]').length).toBe(2));
    expect(el(panel, '#tasks-summary').textContent).toMatch(/2 open/);
    const ga = el(panel, 'tr[data-task="1"]');
    expect(ga.dataset.state).toBe('open');
    expect(ga.textContent).toContain('Google Analytics');
    expect(ga.textContent).toContain('Deletion');
    const zi = el(panel, 'tr[data-task="2"]');
    expect(zi.dataset.state).toBe('sent');
    expect(zi.textContent).toContain('Opt-out of sale');
    expect(zi.textContent).toContain('15 Jan 2026');
    expect(zi.querySelector('[data-action="sent"]')).toBeNull();
    await expectAccessible(container);

    api.markRecipientTask.mockResolvedValue({ tasks: [{ ...TASKS[0], sent_on: '2026-01-15' }, TASKS[1]], open: 2, applies: true });
    await fireEvent.click(el(ga, '[data-action="sent"]'));
    expect(api.markRecipientTask).toHaveBeenLastCalledWith('2026-0002', 1, false);
    await waitFor(() => expect(el(panel, 'tr[data-task="1"]').dataset.state).toBe('sent'));

    api.markRecipientTask.mockResolvedValue({
      tasks: [{ ...TASKS[0], sent_on: '2026-01-15' }, { ...TASKS[1], confirmed_on: '2026-01-15' }],
      open: 1,
      applies: true,
    });
    await fireEvent.click(el(panel, 'tr[data-task="2"] [data-action="confirmed"]'));
    expect(api.markRecipientTask).toHaveBeenLastCalledWith('2026-0002', 2, true);
    await waitFor(() => expect(el(panel, '#tasks-summary').textContent).toMatch(/1 open\s*· 1 confirmed/));
    expect(el(panel, 'tr[data-task="2"]').querySelector('[data-action="confirmed"]')).toBeNull();
    expect(el(document, '#toast').textContent).toBe('Recorded that ZoomInfo confirmed today.');

    await fireEvent.click(el(panel, 'tr[data-task="2"] [data-action="notice"]'));
    await waitFor(() =>
      expect(api.previewLetter).toHaveBeenLastCalledWith('2026-0002', 'vendor_notice', { lang: null, reason: '', task: 2 }),
    );
    expect(el<HTMLSelectElement>(container, '#letter-kind').value).toBe('vendor_notice');
    expect(el<HTMLSelectElement>(container, '#letter-task').selectedOptions[0].textContent).toContain('ZoomInfo');
    expect(screen.getByRole('region', { name: 'Preview: notice to ZoomInfo' })).toBeTruthy();
    api.exportLetter.mockResolvedValue(null);
    await fireEvent.click(el(container, '#letter-save'));
    expect(api.exportLetter).toHaveBeenCalledWith('2026-0002', 'vendor_notice', { lang: null, reason: '', task: 2 });
  });

  it('says why no task could be made', async () => {
    api.getRecipientTasks.mockResolvedValue({ tasks: [], open: 0, applies: true });
    const { container } = await openLetters();
    api.createRecipientTasks.mockRejectedValue({
      code: 'invalid',
      message: '2026-0002: nothing to fan out (it asks for no deletion or opt-out, or the data map names no recipient for it)',
    });
    await fireEvent.click(el(container, '#tasks-create'));
    await waitFor(() => expect(el(document, '#toast').textContent).toContain('the data map names no recipient'));
  });
});
