import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../lib/api', () => import('./api-mock'));

import type { RequestDetail } from '../lib/bindings/RequestDetail';
import { isoDate } from '../lib/format';
import { formDrafts } from '../lib/formDrafts.svelte';
import * as api from './api-mock';
import { expectAccessible } from './axe';
import { LIST, LOCKED, UNLOCKED, detail, summary } from './fixtures';
import { el, key, renderDesk as renderList, type } from './helpers';

const NEW = summary({
  reference: '2026-0004',
  requester_name: 'Ines Duarte',
  requester_email: 'ines@example.pt',
  kinds: ['access', 'deletion'],
  regime: 'gdpr',
});
const details: Record<string, RequestDetail> = {};

beforeEach(() => {
  api.resetApi();
  api.ledgerInfo.mockResolvedValue(UNLOCKED);
  api.listRequests.mockResolvedValue(LIST);
  for (const s of [...LIST, NEW]) details[s.reference] = detail(s, { channel: 'post' });
  api.getRequest.mockImplementation(async (ref) => details[ref]);
});

const renderDesk = () => renderList(LIST.length);
const form = (c: HTMLElement) => c.querySelector<HTMLFormElement>('#new-request-form');
const value = (c: HTMLElement, sel: string) => el<HTMLInputElement>(c, sel).value;
const kind = (name: string) => within(form(document.body)!).getByRole('checkbox', { name });
const submit = (c: HTMLElement) => fireEvent.click(el(c, '#new-request-submit'));

async function openByButton(container: HTMLElement) {
  await fireEvent.click(el(container, '#new-request'));
  await waitFor(() => expect(form(container)).not.toBeNull());
  return form(container)!;
}

describe('opening the New request form', () => {
  it('opens from the top bar with today, Phone and company policy, the first field focused', async () => {
    const { container } = await renderDesk();
    await openByButton(container);
    expect(screen.getByRole('heading', { name: 'New request' })).toBeTruthy();
    expect(value(container, '#new-channel')).toBe('phone');
    expect(value(container, '#new-received')).toBe(isoDate(new Date()));
    expect(value(container, '#new-received-time')).toBe('');
    expect(value(container, '#new-regime')).toBe('policy');
    expect([...el<HTMLSelectElement>(container, '#new-channel').options].map((o) => o.text)).toEqual([
      'Phone',
      'Post',
      'Web form',
      'In person',
    ]);
    await waitFor(() => expect(document.activeElement).toBe(el(container, '#new-channel')));
  });

  it('opens with n, but not while typing in a field', async () => {
    const { container } = await renderDesk();
    await key('n', el(container, '#search'));
    expect(form(container)).toBeNull();
    await key('n');
    await waitFor(() => expect(form(container)).not.toBeNull());
    expect(el(container, '#new-request').getAttribute('aria-keyshortcuts')).toBe('n');
  });

  it('closes with Esc, even from inside a field', async () => {
    const { container } = await renderDesk();
    await openByButton(container);
    await key('Escape', el(container, '#new-name'));
    await waitFor(() => expect(form(container)).toBeNull());
    expect(container.querySelectorAll('[data-ref]').length).toBe(LIST.length);
    await waitFor(() => expect(document.activeElement).toBe(el(container, '#new-request')));
  });
});

describe('checking before sending', () => {
  it('asks for a name or an email and a kind, and sends nothing', async () => {
    const { container } = await renderDesk();
    await openByButton(container);
    await submit(container);
    const f = form(container)!;
    await waitFor(() => expect(f.textContent).toContain('Give the requester’s name or email address (or both).'));
    expect(f.textContent).toContain('Choose at least one kind of request.');
    expect(within(f).getByRole('alert').textContent).toContain('2 things to fix');
    expect(el(container, '#new-name').getAttribute('aria-invalid')).toBe('true');
    expect(el(container, '#new-name').getAttribute('aria-describedby')).toBe('new-who-problem');
    await waitFor(() => expect(document.activeElement).toBe(el(container, '#new-name')));
    expect(api.newRequest).not.toHaveBeenCalled();
    await expectAccessible(f);

    // Each message goes as soon as its field is put right.
    await type(el(container, '#new-email'), 'ines@example.pt');
    await waitFor(() => expect(f.textContent).not.toContain('name or email address'));
    await fireEvent.click(kind('Access'));
    await waitFor(() => expect(f.querySelector('[role="alert"]')).toBeNull());
  });

  it('refuses a received date in the future, and an email that is not one', async () => {
    const { container } = await renderDesk();
    await openByButton(container);
    await type(el(container, '#new-name'), 'Ines Duarte');
    await type(el(container, '#new-email'), 'ines-at-example');
    await fireEvent.click(kind('Access'));
    await type(el(container, '#new-received'), '2999-01-01');
    await submit(container);
    const f = form(container)!;
    await waitFor(() => expect(f.textContent).toContain('The received date cannot be in the future.'));
    expect(f.textContent).toContain('That email address does not look complete.');
    await waitFor(() => expect(document.activeElement).toBe(el(container, '#new-received')));
    expect(api.newRequest).not.toHaveBeenCalled();
  });
});

describe('creating the request', () => {
  async function fillIn(container: HTMLElement) {
    await fireEvent.change(el(container, '#new-channel'), { target: { value: 'post' } });
    await type(el(container, '#new-received'), '2026-03-02');
    await type(el(container, '#new-name'), '  Ines Duarte ');
    await type(el(container, '#new-email'), 'ines@example.pt');
    await type(el(container, '#new-address'), 'Rua das Flores 12\n1200-195 Lisboa');
    await fireEvent.click(kind('Deletion'));
    await fireEvent.click(kind('Access'));
    await fireEvent.change(el(container, '#new-regime'), { target: { value: 'gdpr' } });
    await type(el(container, '#new-note'), 'Letter with a copy of her ID card.');
  }

  it('sends the exact form with the picked documents, then opens the new request', async () => {
    const { container } = await renderDesk();
    await openByButton(container);
    await fillIn(container);

    api.pickDocuments.mockResolvedValueOnce(['/scans/letter.pdf', '/scans/id-card.jpg']);
    await fireEvent.click(screen.getByRole('button', { name: 'Attach scanned documents…' }));
    const list = await waitFor(() => screen.getByRole('list', { name: 'Attached documents' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('letter.pdf'),
      expect.stringContaining('id-card.jpg'),
    ]));
    // A second pick adds what is new; a remove control takes one away.
    api.pickDocuments.mockResolvedValueOnce(['/scans/letter.pdf', '/scans/envelope.png']);
    await fireEvent.click(screen.getByRole('button', { name: 'Attach scanned documents…' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    await fireEvent.click(within(list).getByRole('button', { name: 'Remove id-card.jpg' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(list.textContent).not.toContain('/scans/');
    await expectAccessible(form(container)!);

    api.newRequest.mockResolvedValue('2026-0004');
    api.listRequests.mockResolvedValue([...LIST, NEW]);
    const listed = api.listRequests.mock.calls.length;
    await submit(container);

    expect(api.newRequest).toHaveBeenCalledTimes(1);
    expect(api.newRequest).toHaveBeenCalledWith(
      {
        channel: 'post',
        received: '2026-03-02',
        requester_name: 'Ines Duarte',
        requester_email: 'ines@example.pt',
        postal_address: 'Rua das Flores 12\n1200-195 Lisboa',
        kinds: ['access', 'deletion'],
        regime: 'gdpr',
        note: 'Letter with a copy of her ID card.',
      },
      ['/scans/letter.pdf', '/scans/envelope.png'],
    );
    await waitFor(() => expect(container.querySelector('#detail-ref')?.textContent).toBe('2026-0004'));
    expect(form(container)).toBeNull();
    expect(api.listRequests.mock.calls.length).toBeGreaterThan(listed);
    expect(el(container, '[data-ref="2026-0004"]').getAttribute('aria-selected')).toBe('true');
    expect(el(document, '#toast').textContent).toBe('Created request 2026-0004.');
    expect(formDrafts.size).toBe(0);

    // The next new request starts blank.
    await key('n');
    await waitFor(() => expect(form(container)).not.toBeNull());
    expect(value(container, '#new-name')).toBe('');
    expect(container.querySelector('[aria-label="Attached documents"]')).toBeNull();
  });

  it('sends a time as an RFC 3339 date-time with the local offset', async () => {
    const { container } = await renderDesk();
    await openByButton(container);
    await type(el(container, '#new-received'), '2026-03-02');
    await type(el(container, '#new-received-time'), '14:30');
    await type(el(container, '#new-email'), 'ines@example.pt');
    await fireEvent.click(kind('Objection'));
    api.newRequest.mockResolvedValue('2026-0004');
    await submit(container);
    expect(api.newRequest).toHaveBeenCalledTimes(1);
    const [sent, documents] = api.newRequest.mock.calls[0];
    expect(sent.received).toMatch(/^2026-03-02T14:30:00[+-]\d{2}:\d{2}$/);
    expect(new Date(sent.received).getTime()).toBe(new Date(2026, 2, 2, 14, 30).getTime());
    expect(sent).toMatchObject({ channel: 'phone', requester_name: '', kinds: ['objection'], regime: 'policy' });
    expect(documents).toEqual([]);
  });

  it('shows the backend’s message and keeps the form when it refuses', async () => {
    const { container } = await renderDesk();
    await openByButton(container);
    await fillIn(container);
    api.newRequest.mockRejectedValue({ code: 'invalid', message: 'The received date is before the ledger began.' });
    await submit(container);
    const f = form(container)!;
    await waitFor(() => expect(within(f).getByRole('alert').textContent).toBe('The received date is before the ledger began.'));
    expect(value(container, '#new-email')).toBe('ines@example.pt');
    expect(container.querySelector('#detail-ref')).toBeNull();
  });
});

describe('the half-filled form', () => {
  it('survives closing, other screens and reopening, until the ledger locks', async () => {
    const { container } = await renderDesk();
    await openByButton(container);
    await type(el(container, '#new-name'), 'Ines Duarte');
    await fireEvent.click(kind('Portability'));
    api.pickDocuments.mockResolvedValueOnce(['/scans/letter.pdf']);
    await fireEvent.click(screen.getByRole('button', { name: 'Attach scanned documents…' }));
    await waitFor(() => expect(form(container)!.textContent).toContain('letter.pdf'));

    await key('Escape');
    await waitFor(() => expect(form(container)).toBeNull());
    await fireEvent.click(el(container, '#settings'));
    await key('n');
    await waitFor(() => expect(form(container)).not.toBeNull());
    expect(value(container, '#new-name')).toBe('Ines Duarte');
    expect(kind('Portability')).toHaveProperty('checked', true);
    expect(form(container)!.textContent).toContain('letter.pdf');

    // Clear form throws the draft away on purpose.
    await fireEvent.click(screen.getByRole('button', { name: 'Clear form' }));
    await waitFor(() => expect(value(container, '#new-name')).toBe(''));
    await type(el(container, '#new-name'), 'Ines');
    await waitFor(() => expect(formDrafts.size).toBe(1));

    api.ledgerLock.mockResolvedValue(LOCKED);
    api.ledgerInfo.mockResolvedValue(LOCKED);
    await fireEvent.click(el(container, '#lock'));
    await waitFor(() => expect(container.querySelector('#new-request')).toBeNull());
    expect(formDrafts.size).toBe(0);
  });
});
