// A request's Verification tab: the plan, the checklist, the data points and
// their matches, and the outcome.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../lib/api', () => import('./api-mock'));

import type { PointMatch } from '../lib/bindings/PointMatch';
import type { RequestDetail } from '../lib/bindings/RequestDetail';
import type { VerificationView } from '../lib/bindings/VerificationView';
import * as api from './api-mock';
import { expectAccessible } from './axe';
import { LIST, OVERDUE, UNLOCKED, detail, verification } from './fixtures';
import { el, key, openRow, renderDesk, type } from './helpers';

const details: Record<string, RequestDetail> = {};
/** What the backend holds for 2026-0001; the mocks change it as the real one would. */
let held: VerificationView;

const EMAIL_MATCH: PointMatch = {
  point: { kind: 'email', value: 'm.okafor@example.com', to_correct: false },
  status: 'matched',
  source: 'crm_contacts',
  row_id: 'C-103',
  field: 'Email',
  held: 'm.okafor@example.com',
  why: 'the email is held exactly',
};
const PHONE_PARTIAL: PointMatch = {
  point: { kind: 'phone', value: '555 0100', to_correct: false },
  status: 'partial',
  source: 'crm_contacts',
  row_id: 'C-103',
  field: 'Phone',
  held: '+1 555 0100 22',
  why: 'the digits given are part of the number held',
};

const copy = () => structuredClone(held);

beforeEach(() => {
  api.resetApi();
  api.ledgerInfo.mockResolvedValue(UNLOCKED);
  api.listRequests.mockResolvedValue(LIST);
  for (const s of LIST) details[s.reference] = detail(s);
  api.getRequest.mockImplementation(async (ref) => details[ref]);
  held = verification();
  api.getVerification.mockImplementation(async () => copy());
  api.setVerificationStep.mockImplementation(async (_ref, step, done) => {
    const steps = held.record.steps_done.filter((s) => s !== step);
    held.record.steps_done = done ? [...steps, step] : steps;
    return copy();
  });
  api.setVerificationPoints.mockImplementation(async (_ref, points) => {
    held.record.points = points;
    held.matches = points.map((point) => ({ ...EMAIL_MATCH, point }));
    held.points_counted = points.length;
    return copy();
  });
  api.acceptPartialPoint.mockImplementation(async (_ref, index, accept) => {
    held.record.accepted_partial = accept ? [index] : [];
    held.points_counted = accept ? 2 : 1;
    held.reached = accept;
    return copy();
  });
  api.decideVerification.mockImplementation(async (_ref, outcome, reason) => {
    Object.assign(held.record, { outcome, outcome_reason: reason, decided_on: '2026-01-20' });
    return copy();
  });
  api.markVerificationAsked.mockImplementation(async () => {
    held.record.asked_on = '2026-01-15';
    held.abandon_on = '2026-02-14';
    return copy();
  });
  api.overrideVerificationLevel.mockImplementation(async (_ref, level, sensitive, reason) => {
    Object.assign(held.record, { level_override: level, sensitive, override_reason: reason });
    if (level) held.plan.level = level;
    return copy();
  });
  api.setOnBehalf.mockImplementation(async (_ref, onBehalf) => {
    held.record.on_behalf = onBehalf;
    return copy();
  });
});

async function openVerification() {
  const view = await renderDesk(3);
  await openRow(view.container, OVERDUE.reference);
  await fireEvent.click(el(view.container, '#tab-verification'));
  await waitFor(() => expect(view.container.querySelector('#plan-heading')).not.toBeNull());
  return view;
}

const step = (container: HTMLElement, id: string) => el<HTMLInputElement>(container, `#verification-steps input[data-step="${id}"]`);

describe('the Verification tab', () => {
  it('shows the plan: level in words, its basis, and whether the clock may pause', async () => {
    const { container } = await openVerification();
    expect(api.getVerification).toHaveBeenCalledWith('2026-0001');
    expect(el(container, '#verification-level-text').textContent).toBe('2 matching data points');
    expect(el(container, '#verification-basis').textContent).toContain('CCPA §7062');
    expect(el(container, '#verification-pause').textContent).toContain('may not pause');
    expect(el(container, '#verification-behalf').textContent).toBe('Themself');
    expect(el(container, '#points-counted').textContent).toBe('0 of 2 matched');
    expect(el(container, '#matches-empty')).toBeTruthy();
    await expectAccessible(container);
  });

  it('says plainly when no ID may be asked for, with no form and no steps', async () => {
    held = verification({
      plan: { level: 'none', basis: 'An opt-out of sale needs no verification (§7026).', steps: [], either: [], pause_allowed: false },
    });
    const { container } = await openVerification();
    expect(el(container, '#verification-level-text').textContent).toBe('No verification — do not ask for ID');
    expect(el(container, '#no-verification').textContent).toContain('Do not ask this requester for ID');
    expect(container.querySelector('#points-form')).toBeNull();
    expect(container.querySelector('#verification-steps')).toBeNull();
    expect(container.querySelector('#mark-verified')).toBeNull();
    expect(container.querySelector('#change-level')).not.toBeNull();
    await expectAccessible(container);
  });

  it('ticks a step only once its reason is given', async () => {
    held = verification({
      plan: { level: 'three_points_declaration', basis: 'sensitive', steps: ['points', 'declaration'], either: [], pause_allowed: true },
      points_counted: 2,
    });
    const { container } = await openVerification();
    expect(el(container, '#points-counted').textContent).toBe('2 of 3 matched');
    expect(el(container, '#verification-pause').textContent).toContain('May pause');
    const box = step(container, 'declaration');
    expect(box.labels?.[0].textContent).toContain('Signed declaration under penalty of perjury');
    await fireEvent.click(box);
    // Not yet ticked: the reason comes first, offered and editable.
    expect(step(container, 'declaration').checked).toBe(false);
    const reason = el<HTMLInputElement>(container, '#step-reason');
    expect(reason.value).toBe('declaration received');
    expect(document.activeElement).toBe(reason);
    await expectAccessible(container);
    // An empty reason is refused.
    await type(reason, ' ');
    await fireEvent.click(el(container, '#step-reason-submit'));
    expect(api.setVerificationStep).not.toHaveBeenCalled();
    await type(reason, 'signed declaration received by post');
    await fireEvent.click(el(container, '#step-reason-submit'));
    expect(api.setVerificationStep).toHaveBeenCalledWith('2026-0001', 'declaration', true, 'signed declaration received by post');
    await waitFor(() => expect(step(container, 'declaration').checked).toBe(true));
    expect(container.querySelector('#step-reason')).toBeNull();

    // Unticking asks again.
    await fireEvent.click(step(container, 'declaration'));
    expect(el<HTMLInputElement>(container, '#step-reason').value).toBe('ticked by mistake');
    await fireEvent.click(el(container, '#step-reason-submit'));
    expect(api.setVerificationStep).toHaveBeenLastCalledWith('2026-0001', 'declaration', false, 'ticked by mistake');
    await waitFor(() => expect(step(container, 'declaration').checked).toBe(false));
  });

  it('cancels a tick with Esc, leaving the step as it was', async () => {
    held = verification({ plan: { level: 'proportionate', basis: 'GDPR Art. 12(6)', steps: ['known_address'], either: [], pause_allowed: true } });
    const { container } = await openVerification();
    expect(el(container, '#verification-level-text').textContent).toBe('Proportionate (GDPR Art. 12(6))');
    expect(step(container, 'doubt_resolved').labels?.[0].textContent).toContain('or: Asked for what resolves the doubt, and received it');
    await fireEvent.click(step(container, 'known_address'));
    await key('Escape', el(container, '#step-reason'));
    expect(container.querySelector('#step-reason')).toBeNull();
    expect(document.activeElement).toBe(step(container, 'known_address'));
    expect(api.setVerificationStep).not.toHaveBeenCalled();
  });

  it('lists an agent’s steps, with the power of attorney as the alternative', async () => {
    held = verification(
      {
        plan: { level: 'two_points', basis: 'agent', steps: ['points', 'agent_permission', 'consumer_confirms'], either: ['power_of_attorney'], pause_allowed: false },
      },
      { on_behalf: 'agent' },
    );
    const { container } = await openVerification();
    expect(el(container, '#verification-behalf').textContent).toBe('Someone else, through an authorised agent');
    expect(step(container, 'power_of_attorney').labels?.[0].textContent).toContain(
      'or: Power of attorney (replaces the two agent steps)',
    );
    expect(container.querySelectorAll('#verification-steps input[type="checkbox"]').length).toBe(3);
  });

  it('saves the data points given and shows how they match', async () => {
    const { container } = await openVerification();
    await fireEvent.change(el(container, '#point-kind-0'), { target: { value: 'email' } });
    await type(el(container, '#point-value-0'), ' m.okafor@example.com ');
    await fireEvent.click(el(container, '#add-point'));
    expect(document.activeElement).toBe(el(container, '#point-value-1'));
    await fireEvent.change(el(container, '#point-kind-1'), { target: { value: 'postal_address' } });
    await type(el(container, '#point-value-1'), '2 Old Rd');
    await fireEvent.click(within(el(container, '[data-point="1"]')).getByRole('checkbox'));
    await fireEvent.click(el(container, '#add-point'));
    expect(container.querySelectorAll('[data-point]').length).toBe(3);
    await fireEvent.click(el(el(container, '[data-point="2"]'), '[data-testid="remove-point"]'));
    expect(container.querySelectorAll('[data-point]').length).toBe(2);
    await expectAccessible(container);

    await fireEvent.click(el(container, '#save-points'));
    expect(api.setVerificationPoints).toHaveBeenCalledWith('2026-0001', [
      { kind: 'email', value: 'm.okafor@example.com', to_correct: false },
      { kind: 'postal_address', value: '2 Old Rd', to_correct: true },
    ]);
    await waitFor(() => expect(container.querySelectorAll('[data-match]').length).toBe(2));
    const first = el(container, '[data-match="0"]');
    expect(el(first, '[data-status]').textContent?.trim()).toBe('Matched');
    expect(first.textContent).toContain('crm_contacts · C-103 · Email = m.okafor@example.com');
    expect(first.textContent).toContain('the email is held exactly');
    expect(el(container, '#points-counted').textContent).toBe('2 of 2 matched');
  });

  it('accepts a partial match with a reason', async () => {
    held = verification(
      { matches: [EMAIL_MATCH, PHONE_PARTIAL], points_counted: 1 },
      { points: [EMAIL_MATCH.point, PHONE_PARTIAL.point] },
    );
    const { container } = await openVerification();
    const partial = el(container, '[data-match="1"]');
    expect(el(partial, '[data-status]').textContent?.trim()).toBe('Partial match — not accepted');
    expect(el(container, '[data-match="0"]').querySelector('[data-testid="accept-partial"]')).toBeNull();
    await fireEvent.click(el(partial, '[data-testid="accept-partial"]'));
    const reason = el<HTMLInputElement>(container, '#partial-reason');
    expect(document.activeElement).toBe(reason);
    await expectAccessible(container);
    await type(reason, 'the number held has an extension');
    await fireEvent.click(el(container, '#partial-reason-submit'));
    expect(api.acceptPartialPoint).toHaveBeenCalledWith('2026-0001', 1, true, 'the number held has an extension');
    await waitFor(() =>
      expect(el(el(container, '[data-match="1"]'), '[data-status]').textContent?.trim()).toBe('Partial match — accepted'),
    );
    expect(el(container, '#points-counted').textContent).toBe('2 of 2 matched');
    expect((el<HTMLButtonElement>(container, '#mark-verified')).disabled).toBe(false);

    await fireEvent.click(el(el(container, '[data-match="1"]'), '[data-testid="reject-partial"]'));
    await type(el(container, '#partial-reason'), 'another person’s number after all');
    await fireEvent.click(el(container, '#partial-reason-submit'));
    expect(api.acceptPartialPoint).toHaveBeenLastCalledWith('2026-0001', 1, false, 'another person’s number after all');
  });

  it('keeps “Mark verified” disabled, saying why, until the level is reached', async () => {
    held = verification({
      plan: { level: 'proportionate', basis: 'GDPR Art. 12(6)', steps: ['known_address'], either: [], pause_allowed: true },
    });
    api.setVerificationStep.mockImplementation(async (_ref, s, done) => {
      held.record.steps_done = done ? [s] : [];
      held.reached = done;
      return copy();
    });
    const { container } = await openVerification();
    const verified = el<HTMLButtonElement>(container, '#mark-verified');
    expect(verified.disabled).toBe(true);
    expect(verified.classList.contains('primary')).toBe(true);
    expect(verified.getAttribute('aria-describedby')).toBe('not-reached');
    expect(el(container, '#not-reached').textContent).toContain('opens once the checklist reaches the level');

    await fireEvent.click(step(container, 'known_address'));
    expect(el<HTMLInputElement>(container, '#step-reason').value).toBe('came from the address on file');
    await fireEvent.click(el(container, '#step-reason-submit'));
    await waitFor(() => expect(el<HTMLButtonElement>(container, '#mark-verified').disabled).toBe(false));
    expect(container.querySelector('#not-reached')).toBeNull();
    expect(el(container, '#level-reached')).toBeTruthy();
  });

  it('decides the outcome with its reason, and shows it', async () => {
    held = verification({ reached: true, points_counted: 2 });
    const { container } = await openVerification();
    expect(el(container, '#outcome-none').textContent).toBe('Not decided yet.');
    await fireEvent.click(el(container, '#mark-verified'));
    const reason = el<HTMLInputElement>(container, '#outcome-reason');
    expect(reason.value).toBe('the steps done reach the level');
    await type(reason, 'email and postal address match the CRM');
    await fireEvent.click(el(container, '#outcome-reason-submit'));
    expect(api.decideVerification).toHaveBeenCalledWith('2026-0001', 'verified', 'email and postal address match the CRM');
    await waitFor(() => expect(el(container, '[data-outcome]').textContent).toBe('Verified'));
    const current = el(container, '#outcome-current');
    expect(current.textContent).toContain('on 20 Jan 2026');
    expect(current.textContent).toContain('email and postal address match the CRM');
    await expectAccessible(container);

    // "Not verified" needs a reason the officer writes.
    await fireEvent.click(el(container, '#not-verified'));
    expect(el<HTMLInputElement>(container, '#outcome-reason').value).toBe('');
    await fireEvent.click(el(container, '#outcome-reason-submit'));
    expect(screen.getByText('Give the reason: it is kept in the request’s log.')).toBeTruthy();
    expect(api.decideVerification).toHaveBeenCalledTimes(1);
    await type(el(container, '#outcome-reason'), 'the requester sent nothing that matches');
    await fireEvent.click(el(container, '#outcome-reason-submit'));
    expect(api.decideVerification).toHaveBeenLastCalledWith('2026-0001', 'not_verified', 'the requester sent nothing that matches');
    await waitFor(() => expect(el(container, '[data-outcome]').textContent).toBe('Not verified'));
  });

  it('shows the backend’s refusal', async () => {
    held = verification({ reached: true });
    api.decideVerification.mockRejectedValueOnce({ code: 'invalid', message: 'verification has not reached 2 matching data points' });
    const { container } = await openVerification();
    await fireEvent.click(el(container, '#mark-verified'));
    await fireEvent.click(el(container, '#outcome-reason-submit'));
    await waitFor(() => expect(el(document, '#toast').textContent).toBe('verification has not reached 2 matching data points'));
    // The reason form stays open with the reason typed.
    expect(el<HTMLInputElement>(container, '#outcome-reason').value).toBe('the steps done reach the level');
  });

  it('records the verification request, then proposes closing as abandoned when no answer came', async () => {
    const first = await openVerification();
    expect(first.container.querySelector('#abandon-due')).toBeNull();
    await fireEvent.click(el(first.container, '#mark-asked'));
    expect(api.markVerificationAsked).toHaveBeenCalledWith('2026-0001');
    await waitFor(() =>
      expect(el(first.container, '#asked-on').textContent).toContain(
        'With no answer by 14 Feb 2026 the request is proposed for closing as abandoned',
      ),
    );
    expect(el(first.container, '#asked-on').textContent).toContain('sent on 15 Jan 2026');
    first.unmount();

    held.abandon_due = true;
    const { container } = await openVerification();
    const notice = el(container, '#abandon-due');
    expect(notice.textContent).toContain('No answer came by 14 Feb 2026.');
    await expectAccessible(container);
    await fireEvent.click(el(notice, '#close-abandoned'));
    expect(el<HTMLInputElement>(container, '#outcome-reason').value).toBe('no answer to the verification request');
    await fireEvent.click(el(container, '#outcome-reason-submit'));
    expect(api.decideVerification).toHaveBeenCalledWith('2026-0001', 'abandoned', 'no answer to the verification request');
    await waitFor(() => expect(el(container, '[data-outcome]').textContent).toBe('Abandoned — no answer'));
    expect(container.querySelector('#abandon-due')).toBeNull();
  });

  it('changes the level by hand, with the reason', async () => {
    const { container } = await openVerification();
    await fireEvent.click(el(container, '#change-level'));
    expect(document.activeElement).toBe(el(container, '#level-select'));
    const select = el<HTMLSelectElement>(container, '#level-select');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'As computed',
      'No verification — do not ask for ID',
      '2 matching data points',
      'Proportionate (GDPR Art. 12(6))',
      '3 matching data points + signed declaration',
    ]);
    await expectAccessible(container);
    await fireEvent.change(select, { target: { value: 'three_points_declaration' } });
    await fireEvent.click(el(container, '#level-sensitive'));
    await fireEvent.click(el(container, '#level-submit'));
    expect(api.overrideVerificationLevel).not.toHaveBeenCalled();
    expect(el(container, '#level-reason').getAttribute('aria-invalid')).toBe('true');
    await type(el(container, '#level-reason'), 'health data in the account');
    await fireEvent.click(el(container, '#level-submit'));
    expect(api.overrideVerificationLevel).toHaveBeenCalledWith('2026-0001', 'three_points_declaration', true, 'health data in the account');
    await waitFor(() => expect(el(container, '#verification-level-text').textContent).toBe('3 matching data points + signed declaration'));
    expect(container.querySelector('#level-form')).toBeNull();
    expect(document.activeElement).toBe(el(container, '#change-level'));
  });

  it('records who the request is for', async () => {
    const { container } = await openVerification();
    await fireEvent.click(el(container, '#change-behalf'));
    await fireEvent.change(el(container, '#behalf-select'), { target: { value: 'parent' } });
    await type(el(container, '#behalf-reason'), 'mother writes for her 12-year-old');
    await fireEvent.click(el(container, '#behalf-submit'));
    expect(api.setOnBehalf).toHaveBeenCalledWith('2026-0001', 'parent', 'mother writes for her 12-year-old');
    await waitFor(() => expect(el(container, '#verification-behalf').textContent).toBe('A child, through a parent or guardian'));
  });

  it('keeps a half-typed reason when switching requests', async () => {
    const { container } = await openVerification();
    await fireEvent.click(el(container, '#not-verified'));
    await type(el(container, '#outcome-reason'), 'half typed');
    await openRow(container, '2026-0002');
    await openRow(container, '2026-0001');
    await fireEvent.click(el(container, '#tab-verification'));
    await waitFor(() => expect(el<HTMLInputElement>(container, '#outcome-reason').value).toBe('half typed'));
  });

  it('offers the letter that fits: the request for proof, then the unable-to-verify letter', async () => {
    const { container } = await openVerification();
    await fireEvent.click(el(container, '#letter-verification_request'));
    await waitFor(() => expect(api.exportLetter).toHaveBeenCalledWith('2026-0001', 'verification_request'));
    held.record.outcome = 'not_verified';
    held.record.outcome_reason = 'the details did not match';
    await fireEvent.click(el(container, '#tab-letters'));
    await fireEvent.click(el(container, '#tab-verification'));
    await waitFor(() => expect(container.querySelector('#letter-unable_to_verify')).not.toBeNull());
    expect(container.querySelector('#letter-verification_request')).toBeNull();
  });

  it('names the other requests from the same agent', async () => {
    held.record.on_behalf = 'agent';
    held.same_agent = ['2026-0004', '2026-0007'];
    const { container } = await openVerification();
    expect(el(container, '#same-agent').textContent).toContain('2026-0004, 2026-0007');
    await expectAccessible(container);
  });
});
