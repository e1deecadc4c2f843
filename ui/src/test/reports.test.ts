// Company-level screens: Reports (§7102 metrics, §7101 register) and the retention run in Settings.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../lib/api', () => import('./api-mock'));

import type { MetricsReport } from '../lib/bindings/MetricsReport';
import * as api from './api-mock';
import { expectAccessible } from './axe';
import { LIST, UNLOCKED } from './fixtures';
import { el, key, renderDesk, type } from './helpers';

const YEAR = new Date().getFullYear();

function report(year: number): MetricsReport {
  const empty = { complied: 0, partial: 0, denied: 0, denied_by_reason: [], median_days: null, mean_days: null };
  return {
    year,
    rows: [
      {
        right: 'know',
        received: 12,
        complied: 8,
        partial: 2,
        denied: 2,
        denied_by_reason: [
          { reason: 'could not verify identity', count: 1 },
          { reason: 'trade secret', count: 1 },
        ],
        median_days: 21,
        mean_days: 23.5,
      },
      { right: 'delete', received: 5, complied: 5, partial: 0, denied: 0, denied_by_reason: [], median_days: 30, mean_days: 30 },
      { right: 'correct', received: 0, ...empty },
      { right: 'opt_out', received: 3, ...empty, complied: 3, median_days: 10, mean_days: 10 },
      { right: 'limit', received: 0, ...empty },
    ],
  };
}

beforeEach(() => {
  api.resetApi();
  api.ledgerInfo.mockResolvedValue(UNLOCKED);
  api.listRequests.mockResolvedValue(LIST);
  api.metrics.mockImplementation(async (year) => report(year));
});

async function openReports() {
  const view = await renderDesk(3);
  await fireEvent.click(el(view.container, '#nav-reports'));
  await waitFor(() => expect(view.container.querySelector('#metrics-table')).not.toBeNull());
  return view;
}

describe('reports', () => {
  it('shows the §7102 metrics of the current year, per right', async () => {
    const { container } = await openReports();
    expect(api.metrics).toHaveBeenCalledWith(YEAR);
    expect(el(container, '#nav-reports').getAttribute('aria-current')).toBe('page');
    expect(el<HTMLSelectElement>(container, '#metrics-year').value).toBe(String(YEAR));
    const table = el(container, '#metrics-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBe(5);
    const know = el(table, '[data-right="know"]');
    const cells = [...know.children].map((c) => c.textContent?.trim());
    expect(cells[0]).toBe('Know (access, portability)');
    expect(cells.slice(1, 5)).toEqual(['12', '8', '2', '2']);
    expect(cells[5]).toContain('could not verify identity (1)');
    expect(cells[5]).toContain('trade secret (1)');
    expect(cells.slice(6)).toEqual(['21', '23.5']);
    expect([...el(table, '[data-right="correct"]').children].map((c) => c.textContent?.trim()).slice(6)).toEqual(['—', '—']);
  });

  it('draws the chart with a text alternative', async () => {
    const { container } = await openReports();
    const chart = screen.getByRole('img', { name: `Requests per right, ${YEAR}` });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    const alt = el(container, `#${chart.getAttribute('aria-describedby')}`);
    expect(alt.textContent).toContain('Know (access, portability): 12 received, 8 complied, 2 complied in part, 2 denied.');
    expect(alt.textContent).toContain('Delete: 5 received, 5 complied, 0 complied in part, 0 denied.');
    // Each bar is labelled with its number and series, not colour alone.
    expect(chart.textContent).toContain('12 received');
    expect(chart.textContent).toContain('2 in part');
    expect(chart.querySelectorAll('rect').length).toBe(5 * 4);
  });

  it('reloads for another year', async () => {
    const { container } = await openReports();
    await fireEvent.change(el(container, '#metrics-year'), { target: { value: String(YEAR - 1) } });
    await waitFor(() => expect(api.metrics).toHaveBeenLastCalledWith(YEAR - 1));
    await waitFor(() => expect(screen.getByRole('heading', { name: `Requests received in ${YEAR - 1}` })).toBeTruthy());
  });

  it('exports the register and says where it went; a cancelled dialog says nothing', async () => {
    const { container } = await openReports();
    api.exportRegister.mockResolvedValueOnce('/home/o/register.csv');
    await fireEvent.click(screen.getByRole('button', { name: 'Export register (CSV)' }));
    expect(api.exportRegister).toHaveBeenCalledWith('csv');
    await waitFor(() => expect(el(document, '#toast').textContent).toBe('Register saved to /home/o/register.csv'));

    api.exportRegister.mockResolvedValueOnce('/home/o/register.json');
    await fireEvent.click(el(container, '#export-register-json'));
    expect(api.exportRegister).toHaveBeenLastCalledWith('json');
    await waitFor(() => expect(el(document, '#toast').textContent).toBe('Register saved to /home/o/register.json'));

    api.exportRegister.mockResolvedValueOnce(null);
    await fireEvent.click(el(container, '#export-register-csv'));
    await waitFor(() => expect(el<HTMLButtonElement>(container, '#export-register-csv').disabled).toBe(false));
    expect(el(document, '#toast').textContent).toBe('Register saved to /home/o/register.json');
  });

  it('goes back to the requests with Esc', async () => {
    const { container } = await openReports();
    await key('Escape');
    await waitFor(() => expect(container.querySelector('#metrics-table')).toBeNull());
    expect(container.querySelectorAll('[data-ref]').length).toBe(3);
  });

  it('has no accessibility violations', async () => {
    const { container } = await openReports();
    await expectAccessible(container);
  });
});

describe('retention in settings', () => {
  const PROFILE = {
    name: 'Acme Data Inc.',
    address: '500 Market St',
    privacy_email: 'privacy@acme.example',
    time_zone: 'America/Los_Angeles',
    officer_name: 'Dana Reyes',
    idle_lock_minutes: 10,
    retention_months: 24,
    lookback_months: 12,
    abandon_after_days: 45,
    max_attachment_mb: 25,
    closure_days: ['2026-12-24'],
  };
  const DUE = {
    dry_run: true,
    closed_on_or_before: '2024-01-15',
    items: [
      { reference: '2023-0007', closed_on: '2023-11-02', messages: 1, letters: 2, audit_details: 6 },
      { reference: '2024-0001', closed_on: '2024-01-10', messages: 1, letters: 1, audit_details: 4 },
    ],
  };

  async function openSettings() {
    api.getProfile.mockResolvedValue(PROFILE);
    const view = await renderDesk(3);
    await fireEvent.click(el(view.container, '#settings'));
    await waitFor(() => expect(el<HTMLInputElement>(view.container, '#profile-retention').value).toBe('24'));
    return view;
  }

  it('keeps records at least 24 months, and saves the period and closure days', async () => {
    const { container } = await openSettings();
    expect(el(container, '#profile-retention-help').textContent).toContain('CCPA §7101 keeps request records at least 24 months');
    expect(el<HTMLTextAreaElement>(container, '#profile-closures').value).toBe('2026-12-24');
    await type(el(container, '#profile-retention'), '12');
    await fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(api.saveProfile).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('at least 24 months');

    api.saveProfile.mockImplementation(async (p) => p);
    await type(el(container, '#profile-retention'), '36');
    await type(el(container, '#profile-closures'), '2026-12-31\n2026-12-24\n');
    await fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(api.saveProfile).toHaveBeenCalledWith({ ...PROFILE, retention_months: 36, closure_days: ['2026-12-24', '2026-12-31'] });
  });

  it('checks what is due, asks once saying what happens, then erases', async () => {
    const { container } = await openSettings();
    api.retentionRun.mockResolvedValueOnce(DUE);
    await fireEvent.click(screen.getByRole('button', { name: 'Check what is due' }));
    expect(api.retentionRun).toHaveBeenCalledWith(true);
    await waitFor(() => expect(container.querySelector('#retention-items')).not.toBeNull());
    expect(el(container, '#retention-result').textContent).toMatch(/2 requests closed on or before 15 Jan 2024\s*are due/);
    const rows = [...el(container, '#retention-items').querySelectorAll('tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['2023-0007', '2 Nov 2023', '1', '2', '6'],
      ['2024-0001', '10 Jan 2024', '1', '1', '4'],
    ]);

    await fireEvent.click(screen.getByRole('button', { name: 'Erase personal data of 2 requests' }));
    expect(api.retentionRun).toHaveBeenCalledTimes(1);
    const question = el(container, '#retention-confirm-text').textContent ?? '';
    expect(question).toContain('Erase the personal data of 2 requests?');
    expect(question).toMatch(/email .* letter PDFs, and the requester’s name, email and\s+postal address are erased/);
    expect(question).toMatch(/request record\s+\(reference, dates, kinds, channel, outcomes\)/);
    expect(question).toContain('audit chain stay');
    expect(question).toContain('cannot be undone');
    expect(document.activeElement).toBe(el(container, '#retention-confirm'));
    await expectAccessible(container);

    api.retentionRun.mockResolvedValueOnce({ ...DUE, dry_run: false });
    await fireEvent.click(el(container, '#retention-confirm'));
    expect(api.retentionRun).toHaveBeenLastCalledWith(false);
    await waitFor(() =>
      expect(el(container, '#retention-result').textContent).toMatch(
        /Erased the personal data of 2 requests: 2 messages,\s*3 letter PDFs and the details of 10 audit entries/,
      ),
    );
    expect(container.querySelector('#retention-items')).toBeNull();
    expect(el(document, '#toast').textContent).toBe('Personal data of 2 requests erased.');
    // The list is reloaded: names of erased requests are gone from it.
    expect(api.listRequests.mock.calls.length).toBeGreaterThan(1);
  });

  it('can cancel the erasure, and says when nothing is due', async () => {
    const { container } = await openSettings();
    api.retentionRun.mockResolvedValueOnce(DUE);
    await fireEvent.click(el(container, '#retention-check'));
    await fireEvent.click(await screen.findByRole('button', { name: 'Erase personal data of 2 requests' }));
    await fireEvent.click(within(el(container, '.confirm')).getByRole('button', { name: 'Cancel' }));
    expect(container.querySelector('#retention-confirm')).toBeNull();
    expect(api.retentionRun).toHaveBeenCalledTimes(1);

    api.retentionRun.mockResolvedValueOnce({ ...DUE, items: [] });
    await fireEvent.click(el(container, '#retention-check'));
    await waitFor(() => expect(el(container, '#retention-result').textContent).toContain('Nothing is due'));
    expect(container.querySelector('#retention-erase')).toBeNull();
  });

  it('has no accessibility violations with the retention section filled', async () => {
    const { container } = await openSettings();
    api.retentionRun.mockResolvedValueOnce(DUE);
    await fireEvent.click(el(container, '#retention-check'));
    await screen.findByRole('button', { name: 'Erase personal data of 2 requests' });
    await expectAccessible(container);
  });
});
