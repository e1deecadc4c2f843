// The request view's decisions: clock, closing, frequency, fee, letters.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../lib/api', () => import('./api-mock'));

import type { RequestDetail } from '../lib/bindings/RequestDetail';
import type { RequestSummary } from '../lib/bindings/RequestSummary';
import * as api from './api-mock';
import { expectAccessible } from './axe';
import { LATER, LIST, OVERDUE, SOON, UNLOCKED, detail } from './fixtures';
import { el, key, openRow, renderDesk, type } from './helpers';

const details: Record<string, RequestDetail> = {};

beforeEach(() => {
  api.resetApi();
  api.ledgerInfo.mockResolvedValue(UNLOCKED);
  api.listRequests.mockResolvedValue(LIST);
  for (const s of LIST) details[s.reference] = detail(s);
  api.getRequest.mockImplementation(async (ref) => details[ref]);
});

/** LATER is GDPR, acknowledged, respond by 20 Feb with 36 days left: its clock's today is 15 Jan 2026. */
function later(over: Partial<RequestDetail> = {}, summary: Partial<RequestSummary> = {}): RequestDetail {
  return detail({ ...LATER, ...summary, due: { ...LATER.due, respond_by: '2026-02-20', extension_notice_by: '2026-02-20', ...summary.due } }, over);
}

async function submitClockForm(container: HTMLElement, reason: string) {
  await type(el(container, '#clock-reason'), reason);
  await fireEvent.click(el(container, '#clock-submit'));
}

describe('due dates', () => {
  it('shows every applicable date with days left, signalling by icon and word', async () => {
    details['2026-0001'] = detail({
      ...OVERDUE,
      due: { ...OVERDUE.due, opt_out_effective_by: '2026-01-20', appeal_respond_by: '2026-03-01' },
    });
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0001');
    const ack = el(container, '[data-due="acknowledge"]');
    expect(ack.textContent).toContain('12 Jan 2026');
    expect(ack.textContent).toContain('3 days overdue');
    expect(ack.querySelector('svg[data-icon="alert"]')).not.toBeNull();

    const respond = el(container, '[data-due="respond"]');
    expect(respond.textContent).toContain('16 Feb 2026');
    expect(respond.textContent).toContain('32 days left');
    expect(respond.querySelector('svg[data-icon]')).toBeNull();

    const optOut = el(container, '[data-due="opt-out"]');
    expect(optOut.textContent).toContain('5 days left');
    expect(optOut.textContent).toContain('due soon');
    expect(optOut.querySelector('svg[data-icon="clock"]')).not.toBeNull();

    expect(el(container, '[data-due="appeal"]').textContent).toContain('1 Mar 2026');
    const terms = [...container.querySelectorAll('.meta dt')].map((d) => d.textContent);
    expect(terms).toEqual(expect.arrayContaining(['Acknowledge by', 'Respond by', 'Opt-out effective by', 'Appeal decide by']));
  });

  it('says “extended to” when the request was extended', async () => {
    details['2026-0003'] = later(
      { clock: [{ event: 'extended', on_date: '2026-01-10', reason: 'Many systems' }] },
      { due: { ...LATER.due, respond_by: '2026-02-20', extended_respond_by: '2026-04-20' } },
    );
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0003');
    const respond = el(container, '[data-due="respond"]');
    expect(respond.textContent).toMatch(/20 Feb 2026,\s*extended to\s*20 Apr 2026/);
    expect(container.querySelector('article header')?.textContent).toContain('extended');
  });
});

describe('the clock', () => {
  it('pauses, resumes and extends through the backend, listing each event', async () => {
    details['2026-0003'] = later();
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0003');
    expect(container.querySelector('#clock-resume')).toBeNull();

    // Pause: date defaults to today, a reason is required.
    await fireEvent.click(el(container, '#clock-pause'));
    expect(el<HTMLInputElement>(container, '#clock-on').value).toBe('2026-01-15');
    expect(document.activeElement).toBe(el(container, '#clock-on'));
    await fireEvent.click(el(container, '#clock-submit'));
    expect(api.pauseClock).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Give the reason');

    const paused = later({ clock: [{ event: 'paused', on_date: '2026-01-15', reason: 'Waiting for ID' }] });
    api.pauseClock.mockResolvedValue(paused);
    await submitClockForm(container, 'Waiting for ID');
    expect(api.pauseClock).toHaveBeenCalledWith('2026-0003', '2026-01-15', 'Waiting for ID');
    await waitFor(() => expect(container.querySelector('#clock-resume')).not.toBeNull());
    expect(container.querySelector('#clock-pause')).toBeNull();
    const events = screen.getByRole('list', { name: 'Clock events' });
    expect(events.textContent).toMatch(/Paused\s*15 Jan 2026\s*— Waiting for ID/);
    expect(container.querySelector('article header')?.textContent).toContain('clock paused');

    // Resume on a chosen date.
    await fireEvent.click(el(container, '#clock-resume'));
    await type(el(container, '#clock-on'), '2026-01-14');
    const resumed = later({
      clock: [...paused.clock, { event: 'resumed', on_date: '2026-01-14', reason: 'ID received' }],
    });
    api.resumeClock.mockResolvedValue(resumed);
    await submitClockForm(container, 'ID received');
    expect(api.resumeClock).toHaveBeenCalledWith('2026-0003', '2026-01-14', 'ID received');
    await waitFor(() => expect(container.querySelector('#clock-pause')).not.toBeNull());
    expect(screen.getByRole('list', { name: 'Clock events' }).querySelectorAll('li').length).toBe(2);

    // Extend once; then only the notice is offered.
    await fireEvent.click(el(container, '#clock-extend'));
    expect(container.querySelector('#clock-on')).toBeNull();
    const extended = later(
      { clock: [...resumed.clock, { event: 'extended', on_date: '2026-01-15', reason: 'Data in many systems' }] },
      { due: { ...LATER.due, respond_by: '2026-02-20', extended_respond_by: '2026-04-20' } },
    );
    api.extendRequest.mockResolvedValue(extended);
    await submitClockForm(container, 'Data in many systems');
    expect(api.extendRequest).toHaveBeenCalledWith('2026-0003', 'Data in many systems');
    await waitFor(() => expect(container.querySelector('#clock-extend')).toBeNull());
    expect(screen.getByRole('list', { name: 'Clock events' }).textContent).toContain('Extended');

    details['2026-0003'] = extended;
    api.exportLetter.mockResolvedValue({ path: '/home/o/extension.pdf', sha256: 'cd'.repeat(32), reference: '2026-0003' });
    await fireEvent.click(el(container, '#export-extension'));
    expect(api.exportLetter).toHaveBeenCalledWith('2026-0003', 'extension');
    await waitFor(() => expect(el(document, '#toast').textContent).toBe('Extension notice saved to /home/o/extension.pdf'));
  });

  it('offers no pause under CCPA, and says why', async () => {
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0001');
    expect(container.querySelector('#clock-pause')).toBeNull();
    expect(container.querySelector('#clock-extend')).not.toBeNull();
    expect(container.textContent).toContain('CCPA does not allow pausing the clock');
  });

  it('keeps a half-typed reason when switching requests, and cancels with Esc', async () => {
    details['2026-0003'] = later();
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0003');
    await fireEvent.click(el(container, '#clock-pause'));
    await type(el(container, '#clock-reason'), 'Asked for a utility bill');
    await openRow(container, '2026-0001');
    await openRow(container, '2026-0003');
    expect(el<HTMLTextAreaElement>(container, '#clock-reason').value).toBe('Asked for a utility bill');

    await key('Escape', el(container, '#clock-submit'));
    expect(container.querySelector('#clock-reason')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(el(container, '#clock-pause')));
  });
});

describe('closing', () => {
  const RESPONDED = { ...SOON, status: 'responded' as const, kinds: ['access' as const, 'deletion' as const], next_due: null };

  it('asks for an outcome per kind, needs a basis for a denial, then closes', async () => {
    details['2026-0002'] = detail(RESPONDED, { allowed_next: ['closed'], responded_on: '2026-01-14' });
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0002');
    expect(el(container, '#status-apply').textContent?.trim()).toBe('Close…');
    await fireEvent.click(el(container, '#status-apply'));
    const form = el(container, '#close-form');
    expect(within(form).getAllByRole('group').map((g) => g.querySelector('legend')?.textContent)).toEqual(['Access', 'Deletion']);
    await expectAccessible(container);

    await fireEvent.change(el(form, '#close-outcome-deletion'), { target: { value: 'denied' } });
    await fireEvent.click(el(form, '#close-submit'));
    expect(api.closeRequest).not.toHaveBeenCalled();
    expect(el(form, '#close-basis-deletion').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByRole('alert').textContent).toContain('needs a basis');
    await expectAccessible(container);

    const closed = detail(
      { ...RESPONDED, status: 'closed' },
      {
        allowed_next: [],
        closed_on: '2026-01-15',
        outcomes: [
          { kind: 'access', outcome: 'complied', basis: '' },
          { kind: 'deletion', outcome: 'denied', basis: 'Records under legal hold' },
        ],
      },
    );
    api.closeRequest.mockResolvedValue(closed);
    await type(el(form, '#close-basis-deletion'), '  Records under legal hold ');
    await fireEvent.click(el(form, '#close-submit'));
    expect(api.closeRequest).toHaveBeenCalledWith('2026-0002', [
      { kind: 'access', outcome: 'complied', basis: '' },
      { kind: 'deletion', outcome: 'denied', basis: 'Records under legal hold' },
    ]);
    expect(api.setStatus).not.toHaveBeenCalled();
    await waitFor(() => expect(el(container, '#detail-status').dataset.status).toBe('closed'));
    expect(container.querySelector('#close-form')).toBeNull();
    const outcomes = screen.getByRole('list', { name: 'Outcomes' });
    expect(outcomes.textContent).toMatch(/Access:\s*complied/);
    expect(outcomes.textContent).toMatch(/Deletion:\s*denied\s*— Records under legal hold/);
    expect(container.textContent).toContain('Closed on');
  });

  it('closes a deletion with recipients still to confirm only with a reason, kept in the log', async () => {
    details['2026-0002'] = detail(RESPONDED, { allowed_next: ['closed'], responded_on: '2026-01-14' });
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0002');
    await fireEvent.click(el(container, '#status-apply'));
    const form = el(container, '#close-form');
    const refusal =
      '2026-0002: 2 recipient task(s) are still open (Google Analytics, ZoomInfo); confirm them, or give a reason to close anyway';
    api.closeRequest.mockRejectedValueOnce({ code: 'invalid', message: refusal });
    await fireEvent.click(el(form, '#close-submit'));
    expect(api.closeRequest).toHaveBeenCalledWith('2026-0002', [
      { kind: 'access', outcome: 'complied', basis: '' },
      { kind: 'deletion', outcome: 'complied', basis: '' },
    ]);
    await waitFor(() => expect(document.activeElement).toBe(el(form, '#close-override')));
    expect(el(form, '#close-tasks-open').textContent).toContain('Google Analytics, ZoomInfo');
    expect(el(form, '#close-submit').textContent?.trim()).toBe('Close with tasks open');
    expect(form.querySelector('[role="alert"]')).toBeNull();
    await expectAccessible(container);

    api.closeRequest.mockClear();
    await fireEvent.click(el(form, '#close-submit'));
    expect(api.closeRequest).not.toHaveBeenCalled();
    expect(el(form, '#close-override').getAttribute('aria-invalid')).toBe('true');

    api.closeRequest.mockResolvedValue(detail({ ...RESPONDED, status: 'closed' }, { allowed_next: [], closed_on: '2026-01-15' }));
    await type(el(form, '#close-override'), ' ZoomInfo no longer answers; deletion requested twice by email ');
    await fireEvent.click(el(form, '#close-submit'));
    expect(api.closeRequest).toHaveBeenCalledWith(
      '2026-0002',
      [
        { kind: 'access', outcome: 'complied', basis: '' },
        { kind: 'deletion', outcome: 'complied', basis: '' },
      ],
      'ZoomInfo no longer answers; deletion requested twice by email',
    );
    await waitFor(() => expect(el(container, '#detail-status').dataset.status).toBe('closed'));
  });

  it('shows any other refusal to close as it is', async () => {
    details['2026-0002'] = detail(RESPONDED, { allowed_next: ['closed'], responded_on: '2026-01-14' });
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0002');
    await fireEvent.click(el(container, '#status-apply'));
    api.closeRequest.mockRejectedValueOnce({ code: 'invalid', message: 'the request has not been answered yet' });
    await fireEvent.click(el(container, '#close-submit'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('the request has not been answered yet'));
    expect(container.querySelector('#close-override')).toBeNull();
  });

  it('opens the close form from the primary action', async () => {
    details['2026-0002'] = detail({ ...RESPONDED, status: 'denied' }, { allowed_next: ['closed'] });
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0002');
    await key('6');
    await fireEvent.click(el(container, '#close-primary'));
    await waitFor(() => expect(container.querySelector('#close-form')).not.toBeNull());
    expect(screen.getByRole('tab', { name: /Message/ }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(el(container, '#close-outcome-access'));
    expect(container.querySelector('#close-primary')).toBeNull();
  });

  it('closes a withdrawn request with set_status, after asking once', async () => {
    details['2026-0002'] = detail({ ...RESPONDED, status: 'withdrawn' }, { allowed_next: ['closed'] });
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0002');
    expect(el(container, '#status-apply').textContent?.trim()).toBe('Apply');
    await fireEvent.click(el(container, '#status-apply'));
    expect(container.querySelector('#close-form')).toBeNull();
    expect(api.setStatus).not.toHaveBeenCalled();
    expect(container.textContent).toContain('recorded as withdrawn');

    api.setStatus.mockResolvedValue(
      detail({ ...RESPONDED, status: 'closed' }, { allowed_next: [], outcomes: [{ kind: 'access', outcome: 'withdrawn', basis: '' }] }),
    );
    await fireEvent.click(screen.getByRole('button', { name: 'Yes, mark as closed' }));
    expect(api.setStatus).toHaveBeenCalledWith('2026-0002', 'closed');
    expect(api.closeRequest).not.toHaveBeenCalled();
    await waitFor(() => expect(el(container, '#detail-status').dataset.status).toBe('closed'));
    expect(screen.getByRole('list', { name: 'Outcomes' }).textContent).toMatch(/Access:\s*withdrawn/);
  });
});

describe('frequency', () => {
  const NOTE = {
    earlier: ['2026-0001', '2026-0002'],
    message: 'Access request number 3 from this person in 12 months.',
  };

  it('shows the note with the earlier requests and the “already answered twice” letter', async () => {
    details['2026-0003'] = later({ frequency: NOTE });
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0003');
    const note = el(container, '#frequency-note');
    expect(note.getAttribute('role')).toBe('note');
    expect(note.textContent).toContain('Frequency limit:');
    expect(note.textContent).toContain(NOTE.message);
    expect(note.querySelector('svg[data-icon="alert"]')).not.toBeNull();
    expect([...note.querySelectorAll('[data-earlier]')].map((b) => b.textContent)).toEqual(NOTE.earlier);

    api.exportLetter.mockResolvedValue({ path: '/home/o/twice.pdf', sha256: 'ef'.repeat(32), reference: '2026-0003' });
    await fireEvent.click(el(note, '#export-twice'));
    expect(api.exportLetter).toHaveBeenCalledWith('2026-0003', 'twice_limit');
    await expectAccessible(container);

    await fireEvent.click(el(note, '[data-earlier="2026-0001"]'));
    await waitFor(() => expect(el(container, '#detail-ref').textContent).toBe('2026-0001'));
  });

  it('offers no twice letter with a single earlier request', async () => {
    details['2026-0003'] = later({ frequency: { earlier: ['2026-0001'], message: 'Utah: a second request in 12 months.' } });
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0003');
    expect(el(container, '#frequency-note').textContent).toContain('Utah');
    expect(container.querySelector('#export-twice')).toBeNull();
    await key('5');
    expect(container.querySelector('[data-letter="twice_limit"]')).toBeNull();
  });
});

describe('the fee path', () => {
  const FEE = {
    reasons: 'Fourth identical request this year',
    estimate_cents: 2550,
    currency: 'USD',
    decision: 'proposed' as const,
    proposed_on: '2026-01-15',
    decided_on: null,
  };

  it('proposes a fee, exports the estimate and records the answer', async () => {
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0002');
    await fireEvent.click(el(container, '#fee-mark'));
    expect(el<HTMLInputElement>(container, '#fee-currency').value).toBe('USD');
    await type(el(container, '#fee-reasons'), FEE.reasons);
    await type(el(container, '#fee-amount'), 'twenty');
    await fireEvent.click(el(container, '#fee-propose'));
    expect(api.proposeFee).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('as an amount');

    const proposed = detail(SOON, { fee: FEE });
    api.proposeFee.mockResolvedValue(proposed);
    await type(el(container, '#fee-amount'), '25.5');
    await fireEvent.click(el(container, '#fee-propose'));
    expect(api.proposeFee).toHaveBeenCalledWith('2026-0002', FEE.reasons, 2550, 'USD');
    await waitFor(() => expect(el(container, '#fee-state').textContent).toContain('Proposed, waiting for the requester'));
    const section = screen.getByRole('region', { name: 'Fee' });
    expect(section.textContent).toContain('USD 25.50');
    await expectAccessible(container);

    details['2026-0002'] = proposed;
    api.exportLetter.mockResolvedValue({ path: '/home/o/fee.pdf', sha256: 'ab'.repeat(32), reference: '2026-0002' });
    await fireEvent.click(el(container, '#export-fee'));
    expect(api.exportLetter).toHaveBeenCalledWith('2026-0002', 'fee_estimate');
    await waitFor(() => expect(el(document, '#toast').textContent).toBe('Fee estimate saved to /home/o/fee.pdf'));

    api.decideFee.mockResolvedValue(detail(SOON, { fee: { ...FEE, decision: 'declined', decided_on: '2026-01-20' } }));
    await fireEvent.click(el(container, '#fee-declined'));
    expect(api.decideFee).toHaveBeenCalledWith('2026-0002', false);
    await waitFor(() => expect(el(container, '#fee-state').textContent).toContain('Declined by the requester'));
    expect(container.querySelector('#fee-accepted')).toBeNull();
    expect(container.querySelector('#fee-declined')).toBeNull();
  });

  it('records an accepted fee', async () => {
    details['2026-0002'] = detail(SOON, { fee: FEE });
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0002');
    api.decideFee.mockResolvedValue(detail(SOON, { fee: { ...FEE, decision: 'accepted', decided_on: '2026-01-16' } }));
    await fireEvent.click(el(container, '#fee-accepted'));
    expect(api.decideFee).toHaveBeenCalledWith('2026-0002', true);
    await waitFor(() => expect(el(container, '#fee-state').dataset.decision).toBe('accepted'));
  });
});

describe('the letters tab', () => {
  it('lists the letters that apply and exports each kind', async () => {
    details['2026-0002'] = detail(SOON, {
      clock: [{ event: 'extended', on_date: '2026-01-10', reason: 'complex' }],
      fee: { reasons: 'r', estimate_cents: 100, currency: 'EUR', decision: 'proposed', proposed_on: '2026-01-11', decided_on: null },
    });
    const { container } = await renderDesk(3);
    await openRow(container, '2026-0002');
    await key('5');
    const panel = el(container, '[role="tabpanel"]');
    // SOON asks for deletion and an opt-out of sale.
    expect([...panel.querySelectorAll('[data-letter]')].map((li) => li.getAttribute('data-letter'))).toEqual([
      'ack',
      'extension',
      'fee_estimate',
      'deletion',
      'deletion_denied',
      'opt_out_sale',
      'denial',
    ]);
    api.exportLetter.mockResolvedValue(null);
    for (const [id, kind] of [
      ['#export-ack', 'ack'],
      ['#letter-extension', 'extension'],
      ['#letter-fee_estimate', 'fee_estimate'],
      ['#letter-deletion', 'deletion'],
      ['#letter-opt_out_sale', 'opt_out_sale'],
    ]) {
      await fireEvent.click(el(panel, id));
      expect(api.exportLetter).toHaveBeenLastCalledWith('2026-0002', kind);
      await waitFor(() => expect(el<HTMLButtonElement>(panel, id).disabled).toBe(false));
    }
    await expectAccessible(container);
  });
});
