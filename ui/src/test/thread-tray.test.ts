import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../lib/api', () => import('./api-mock'));

import type { ImportSummary } from '../lib/bindings/ImportSummary';
import type { RequestDetail } from '../lib/bindings/RequestDetail';
import type { TrayItem } from '../lib/bindings/TrayItem';
import * as api from './api-mock';
import { expectAccessible } from './axe';
import { LIST, OVERDUE, UNLOCKED, detail, summary } from './fixtures';
import { el, key, openRow, renderDesk as renderList } from './helpers';

const details: Record<string, RequestDetail> = {};

const THREAD = detail(OVERDUE, {
  thread: [
    {
      id: 11,
      from: 'Margaret Okafor <m.okafor@example.com>',
      subject: 'Access request',
      received_at: '2026-01-02T10:00:00Z',
      body_text: 'Under the CCPA I ask for a copy of my data. <b>now</b>',
      attachments: [],
      evidence: [
        { field: 'kinds', because: '“a copy of my data” reads as an access request' },
        { field: 'regime', because: 'the sender mentions the CCPA' },
      ],
    },
    {
      id: 12,
      from: 'Margaret Okafor <m.okafor@example.com>',
      subject: 'Re: Access request',
      received_at: '2026-01-05T09:30:00Z',
      body_text: 'Here is my ID, as you asked.',
      attachments: [
        { id: 501, name: 'passport.pdf', mime: 'application/pdf', size: 14_540, sha256: 'ab'.repeat(32) },
        { id: 502, name: 'bill.png', mime: 'image/png', size: 812, sha256: 'cd'.repeat(32) },
      ],
      evidence: [],
    },
  ],
});

const TRAY: TrayItem[] = [
  {
    id: 71,
    from_name: 'Newsletter Bot',
    from_email: 'news@vendor.example',
    subject: 'Our January offers',
    received_at: '2026-01-03T08:00:00Z',
    body_text: 'Big <i>savings</i> this week.',
    evidence: [{ field: 'not_a_request', because: 'a bulk mailing with an unsubscribe footer' }],
  },
  {
    id: 72,
    from_name: 'Sam Lee',
    from_email: 'sam@example.org',
    subject: 'Question about my account',
    received_at: '2026-01-04T12:00:00Z',
    body_text: 'What do you keep about me? I would like to know.',
    evidence: [{ field: 'not_a_request', because: 'no right is named' }],
  },
];

beforeEach(() => {
  api.resetApi();
  api.ledgerInfo.mockResolvedValue(UNLOCKED);
  api.listRequests.mockResolvedValue(LIST);
  for (const s of LIST) details[s.reference] = detail(s);
  details['2026-0001'] = THREAD;
  api.getRequest.mockImplementation(async (ref) => details[ref]);
});

const renderDesk = () => renderList(LIST.length);

describe('the thread', () => {
  it('shows every message oldest first, as plain text, with its attachments', async () => {
    const { container } = await renderDesk();
    await openRow(container, '2026-0001');
    const messages = [...container.querySelectorAll('[data-message]')];
    expect(messages.map((m) => m.getAttribute('data-message'))).toEqual(['11', '12']);
    expect(messages[0].textContent).toContain('Access request');
    expect(messages[0].querySelector('pre')?.textContent).toBe('Under the CCPA I ask for a copy of my data. <b>now</b>');
    expect(container.querySelector('pre b')).toBeNull();
    expect(messages[1].textContent).toContain('Re: Access request');
    expect(messages[1].textContent).toContain('Here is my ID, as you asked.');

    const pdf = el(messages[1], '[data-attachment="501"]');
    expect(pdf.textContent).toContain('passport.pdf');
    expect(pdf.textContent).toContain('application/pdf');
    expect(pdf.textContent).toContain('14.2 KB');
    expect(el(messages[1], '[data-attachment="502"]').textContent).toContain('812 B');
    // The edit form and the status controls stay on the tab.
    expect(container.querySelector('#edit-name')).not.toBeNull();
  });

  it('explains the first message’s reading in a collapsible note', async () => {
    const { container } = await renderDesk();
    await openRow(container, '2026-0001');
    const note = el<HTMLDetailsElement>(container, '#evidence');
    expect(note.tagName).toBe('DETAILS');
    expect(note.open).toBe(false);
    expect(el(note, 'summary').textContent).toBe('Why Rightsdesk read it this way');
    expect(note.textContent).toContain('kinds');
    expect(note.textContent).toContain('“a copy of my data” reads as an access request');
    expect(note.textContent).toContain('the sender mentions the CCPA');
  });

  it('saves an attachment through the backend and says where', async () => {
    api.saveAttachment.mockResolvedValue('/home/o/Downloads/passport.pdf');
    const { container } = await renderDesk();
    await openRow(container, '2026-0001');
    const pdf = el(container, '[data-attachment="501"]');
    await fireEvent.click(within(pdf).getByRole('button', { name: 'Save… passport.pdf' }));
    expect(api.saveAttachment).toHaveBeenCalledWith(501);
    await waitFor(() =>
      expect(el(container, '#toast').textContent).toContain('passport.pdf saved to /home/o/Downloads/passport.pdf'),
    );
  });

  it('says nothing when the save dialog is cancelled', async () => {
    api.saveAttachment.mockResolvedValue(null);
    const { container } = await renderDesk();
    await openRow(container, '2026-0001');
    await fireEvent.click(within(el(container, '[data-attachment="502"]')).getByRole('button', { name: /Save…/ }));
    expect(api.saveAttachment).toHaveBeenCalledWith(502);
    await waitFor(() => expect(el<HTMLButtonElement>(container, '[data-attachment="502"] button').disabled).toBe(false));
    expect(container.querySelector('#toast')?.textContent ?? '').not.toContain('saved');
  });

  it('passes axe on a request with a thread and the evidence note open', async () => {
    const { container } = await renderDesk();
    await openRow(container, '2026-0001');
    el<HTMLDetailsElement>(container, '#evidence').open = true;
    await expectAccessible(container);
  });
});

describe('the import summary', () => {
  const SUMMARY: ImportSummary = {
    imported: [],
    duplicates: [],
    joined: [{ file: '/mail/okafor-reply.eml', ref: '2026-0001' }],
    not_requests: ['/mail/newsletter.eml', '/mail/ooo.eml'],
    errors: [],
    warnings: [{ file: '/mail/scan.eml', error: 'attachment scan.tiff (31 MB) is over 25 MB and was left out' }],
  };

  it('shows replies joined to requests, messages set aside, and warnings', async () => {
    api.importPick.mockResolvedValue(SUMMARY);
    api.listTray.mockResolvedValue(TRAY);
    const { container } = await renderDesk();
    await key('i');
    const panel = await waitFor(() => el(container, '#import-summary'));
    expect(within(panel).getByRole('heading', { name: /Joined to a request \(1\)/ })).toBeTruthy();
    expect(within(panel).getByRole('heading', { name: /Set aside as not a request \(2\)/ })).toBeTruthy();
    expect(within(panel).getByRole('heading', { name: /Warnings \(1\)/ })).toBeTruthy();
    expect(panel.textContent).toContain('okafor-reply.eml → 2026-0001');
    expect(panel.textContent).toContain('newsletter.eml');
    expect(panel.textContent).toContain('ooo.eml');
    expect(panel.textContent).toContain('scan.eml: attachment scan.tiff (31 MB) is over 25 MB and was left out');
    await expectAccessible(container);

    await fireEvent.click(within(panel).getByRole('button', { name: '2026-0001' }));
    await waitFor(() => expect(container.querySelector('#detail-ref')?.textContent).toBe('2026-0001'));

    await fireEvent.click(within(panel).getByRole('button', { name: 'Not a request' }));
    await waitFor(() => expect(container.querySelector('#tray-heading')).not.toBeNull());
  });
});

describe('the Not a request tray', () => {
  it('counts the tray in the left nav and lists its items with the reason', async () => {
    api.listTray.mockResolvedValue(TRAY);
    const { container } = await renderDesk();
    const nav = el(container, '#nav-tray');
    await waitFor(() => expect(nav.textContent).toMatch(/Not a request\s*2/));
    await fireEvent.click(nav);
    expect(nav.getAttribute('aria-current')).toBe('page');
    const rows = [...container.querySelectorAll('[data-tray]')];
    expect(rows.length).toBe(2);
    expect(rows[0].textContent).toContain('Newsletter Bot');
    expect(rows[0].textContent).toContain('Our January offers');
    expect(rows[0].textContent).toContain('a bulk mailing with an unsubscribe footer');
    expect(container.querySelector('#promote')).toBeNull();

    await fireEvent.click(rows[0]);
    const body = el(container, '.detail-pane pre');
    expect(body.textContent).toBe('Big <i>savings</i> this week.');
    expect(body.children.length).toBe(0);
    expect(el(container, '.detail-pane').textContent).toContain('Newsletter Bot <news@vendor.example>');

    await key('Escape');
    await waitFor(() => expect(container.querySelector('#tray-heading')).toBeNull());
  });

  it('makes a message a request, opens it, and refreshes the list and counts', async () => {
    api.listTray.mockResolvedValue(TRAY);
    const promoted = summary({ reference: '2026-0004', requester_name: 'Sam Lee', requester_email: 'sam@example.org' });
    details['2026-0004'] = detail(promoted);
    api.promoteMessage.mockImplementation(async () => {
      api.listTray.mockResolvedValue([TRAY[0]]);
      api.listRequests.mockResolvedValue([...LIST, promoted]);
      return '2026-0004';
    });
    const { container } = await renderDesk();
    await fireEvent.click(el(container, '#nav-tray'));
    await fireEvent.click(el(container, '[data-tray="72"]'));
    await fireEvent.click(el(container, '#promote'));

    expect(api.promoteMessage).toHaveBeenCalledWith(72);
    await waitFor(() => expect(container.querySelector('#detail-ref')?.textContent).toBe('2026-0004'));
    expect(api.getRequest).toHaveBeenCalledWith('2026-0004');
    expect(container.querySelector('[data-ref="2026-0004"]')).not.toBeNull();
    expect(el(container, '#nav-tray').textContent).toMatch(/Not a request\s*1/);
    const nav = screen.getByRole('navigation', { name: 'Queues' });
    expect(within(nav).getByRole('button', { name: /Inbox\s*2/ })).toBeTruthy();
    expect(el(container, '#toast').textContent).toContain('2026-0004');
  });

  it('keeps the message in the tray when promoting fails', async () => {
    api.listTray.mockResolvedValue(TRAY);
    api.promoteMessage.mockRejectedValue({ code: 'not_found', message: 'That message is gone.' });
    const { container } = await renderDesk();
    await fireEvent.click(el(container, '#nav-tray'));
    await fireEvent.click(el(container, '[data-tray="71"]'));
    await fireEvent.click(el(container, '#promote'));
    await waitFor(() => expect(el(container, '#toast').textContent).toContain('That message is gone.'));
    expect(container.querySelector('#tray-heading')).not.toBeNull();
    expect(container.querySelector('#detail-ref')).toBeNull();
  });

  it('teaches when the tray is empty', async () => {
    const { container } = await renderDesk();
    await fireEvent.click(el(container, '#nav-tray'));
    expect(el(container, '.tray').textContent).toContain('Nothing set aside.');
  });

  it('passes axe with the list and with a message open', async () => {
    api.listTray.mockResolvedValue(TRAY);
    const { container } = await renderDesk();
    await fireEvent.click(el(container, '#nav-tray'));
    await expectAccessible(container);
    await fireEvent.click(el(container, '[data-tray="71"]'));
    await expectAccessible(container);
  });
});
