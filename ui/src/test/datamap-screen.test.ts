// The Data map screen: the company's inventory, edited as a copy in English and
// saved as a new numbered version.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../lib/api', () => import('./api-mock'));

import type { DataMap } from '../lib/bindings/DataMap';
import type { DataMapVersion } from '../lib/bindings/DataMapVersion';
import * as api from './api-mock';
import { expectAccessible } from './axe';
import { DATA_MAP, LIST, UNLOCKED, mapVersion } from './fixtures';
import { el, key, renderDesk, type } from './helpers';

const VERSIONS = [
  { version: 2, created_at: '2026-01-10T09:00:00Z', actor: 'officer', note: 'Added ZoomInfo' },
  { version: 1, created_at: '', actor: 'built-in', note: 'Seeded from the privacy policy.' },
];

let current: DataMapVersion;

beforeEach(() => {
  api.resetApi();
  api.ledgerInfo.mockResolvedValue(UNLOCKED);
  api.listRequests.mockResolvedValue(LIST);
  current = mapVersion();
  api.getDataMap.mockImplementation(async () => current);
  api.dataMapVersions.mockResolvedValue(VERSIONS);
});

async function openMap() {
  const view = await renderDesk(3);
  await fireEvent.click(el(view.container, '#nav-datamap'));
  await waitFor(() => expect(view.container.querySelector('#datamap-version')).not.toBeNull());
  return view;
}

const category = (container: HTMLElement, id: string) => el(container, `[data-category="${id}"]`);
const recipient = (container: HTMLElement, id: string) => el(container, `[data-recipient="${id}"]`);

describe('the data map screen', () => {
  it('is a company screen next to Data sources, showing the version in use, and Esc goes back', async () => {
    const { container } = await openMap();
    const nav = screen.getByRole('navigation', { name: 'Company' });
    const buttons = within(nav).getAllByRole('button').map((b) => b.textContent?.trim());
    expect(buttons).toEqual(['Data sources', 'Data map', 'Reports']);
    expect(el(nav, '#nav-datamap').getAttribute('aria-current')).toBe('page');
    expect(document.activeElement).toBe(el(container, '#datamap-heading'));
    const version = el(container, '#datamap-version');
    expect(version.textContent).toContain('Version 2');
    expect(version.textContent).toContain('“Added ZoomInfo”');
    expect([...container.querySelectorAll('#datamap-versions li')].map((li) => li.getAttribute('data-version'))).toEqual(['2', '1']);
    expect(el(container, '#datamap-versions li[data-version="1"]').textContent).toContain('built in');
    expect(el(container, '#datamap-versions li[data-version="2"]').textContent).toContain('in use');
    expect(el<HTMLButtonElement>(container, '#datamap-save').disabled).toBe(true);
    expect(container.querySelector('#datamap-unsaved')).toBeNull();
    await expectAccessible(container);

    await key('Escape');
    await waitFor(() => expect(container.querySelector('#datamap')).toBeNull());
    expect(container.querySelectorAll('[data-ref]').length).toBe(3);
  });

  it('edits categories in English, showing the kept translations, on a copy of the loaded map', async () => {
    const { container } = await openMap();
    const ids = el(container, '#datamap');
    expect([...ids.querySelectorAll('[data-category]')].map((d) => d.getAttribute('data-category'))).toEqual([
      'identifiers',
      'contact_details',
      'inferences',
    ]);
    const identifiers = category(container, 'identifiers');
    expect(el<HTMLInputElement>(identifiers, '#dm-cat-0-label').value).toBe('Identifiers');
    expect(el(identifiers, '#dm-cat-0-label-others').textContent).toContain('Spanish: Identificadores');
    expect(el(identifiers, '#dm-cat-0-label').getAttribute('aria-describedby')).toBe('dm-cat-0-label-others');
    expect(el(identifiers, '#dm-cat-0-examples-others').textContent).toContain('nombre, número de cuenta');
    expect(identifiers.querySelector('#dm-cat-0-retention-others')).toBeNull();
    expect(el<HTMLInputElement>(identifiers, '#dm-cat-0-sold').checked).toBe(true);

    (identifiers as HTMLDetailsElement).open = true;
    await fireEvent(identifiers, new Event('toggle'));
    await type(el(identifiers, '#dm-cat-0-label'), 'Identifiers and account data');
    // Typing leaves the category open, and its title follows the label.
    expect((identifiers as HTMLDetailsElement).open).toBe(true);
    expect(el(identifiers, 'summary').textContent).toContain('Identifiers and account data');
    await fireEvent.click(el(category(container, 'inferences'), '#dm-cat-2-disclosed'));
    expect(el(container, '#datamap-unsaved').textContent).toContain('Unsaved changes to version 2');
    expect(current.map).toEqual(DATA_MAP);
    // The translation is kept as it was.
    expect(el(identifiers, '#dm-cat-0-label-others').textContent).toContain('Identificadores');

    await fireEvent.click(within(el(container, '#datamap-unsaved')).getByRole('button', { name: 'Discard changes' }));
    expect(el<HTMLInputElement>(container, '#dm-cat-0-label').value).toBe('Identifiers');
    expect(container.querySelector('#datamap-unsaved')).toBeNull();
  });

  it('saves recipients, roles and automated decisions as a new version, with a note', async () => {
    const { container } = await openMap();
    const zoominfo = recipient(container, 'zoominfo');
    expect(el<HTMLSelectElement>(zoominfo, '#dm-rec-1-kind').value).toBe('data_partner');
    expect(el<HTMLSelectElement>(zoominfo, '#dm-rec-1-safeguard').value).toBe('');
    expect(el<HTMLInputElement>(zoominfo, '[data-sold="identifiers"]').checked).toBe(true);
    await fireEvent.click(el(zoominfo, '[data-sold="contact_details"]'));
    await fireEvent.click(el(zoominfo, '[data-disclosed="identifiers"]'));
    await fireEvent.change(el(zoominfo, '#dm-rec-1-safeguard'), { target: { value: 'scc' } });
    await type(el(zoominfo, '#dm-rec-1-contact'), 'ZoomInfo, Vancouver WA');

    const roles = [...container.querySelectorAll('tr[data-role]')].map((r) => r.getAttribute('data-role'));
    expect(roles).not.toContain('other_person_name');
    expect(el<HTMLSelectElement>(container, '#dm-role-email').value).toBe('contact_details');
    expect(el<HTMLSelectElement>(container, '#dm-role-phone').value).toBe('');
    await fireEvent.change(el(container, '#dm-role-phone'), { target: { value: 'contact_details' } });
    await fireEvent.change(el(container, '#dm-role-other'), { target: { value: '' } });
    expect(el(container, '#dm-automated-others').textContent).toContain('No tomamos decisiones automatizadas.');
    await type(el(container, '#dm-automated'), 'We make no automated decisions about you.');

    await fireEvent.click(el(container, '#datamap-save'));
    expect(api.saveDataMap).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Say what changed');

    const expected: DataMap = structuredClone(DATA_MAP);
    expected.note = 'ZoomInfo buys contact details';
    expected.recipients[1] = {
      ...expected.recipients[1],
      disclosed: ['contact_details'],
      sold: ['identifiers', 'contact_details'],
      safeguard: 'scc',
      contact: 'ZoomInfo, Vancouver WA',
    };
    expected.role_categories = { email: 'contact_details', person_name: 'identifiers', phone: 'contact_details' };
    expected.automated_decisions = { en: 'We make no automated decisions about you.', es: 'No tomamos decisiones automatizadas.' };
    const saved = mapVersion({ version: 3, created_at: '2026-01-15T11:00:00Z', note: expected.note, map: expected });
    api.saveDataMap.mockResolvedValue(saved);
    api.dataMapVersions.mockResolvedValue([{ version: 3, created_at: saved.created_at, actor: 'officer', note: expected.note }, ...VERSIONS]);
    await type(el(container, '#datamap-note'), ' ZoomInfo buys contact details ');
    await fireEvent.click(el(container, '#datamap-save'));
    expect(api.saveDataMap).toHaveBeenCalledTimes(1);
    const [map, note] = api.saveDataMap.mock.calls[0];
    expect(note).toBe('ZoomInfo buys contact details');
    expect(map).toEqual(expected);
    await waitFor(() => expect(el(container, '#datamap-version').textContent).toContain('Version 3'));
    expect(el(document, '#toast').textContent).toContain('saved as version 3');
    expect(el<HTMLTextAreaElement>(container, '#datamap-note').value).toBe('');
    await waitFor(() => expect(container.querySelectorAll('#datamap-versions li').length).toBe(3));
    expect(container.querySelector('#datamap-unsaved')).toBeNull();
  });

  it('shows why the backend refused the map', async () => {
    const { container } = await openMap();
    await fireEvent.change(el(container, '#dm-rec-0-kind'), { target: { value: 'data_partner' } });
    await type(el(container, '#datamap-note'), 'Reclassified');
    api.saveDataMap.mockRejectedValue({ code: 'invalid', message: 'recipient "google_analytics" names an unknown safeguard "x"' });
    await fireEvent.click(el(container, '#datamap-save'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('recipient "google_analytics" names an unknown safeguard "x"'));
    expect(el(container, '#datamap-unsaved')).toBeTruthy();
  });

  it('adds and removes recipients and categories in the draft', async () => {
    const { container } = await openMap();
    await type(el(container, '#dm-new-recipient'), 'Acme Analytics');
    await fireEvent.submit(el(container, '#dm-new-recipient').closest('form')!);
    const acme = recipient(container, 'acme_analytics');
    expect(acme.hasAttribute('open')).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(el(acme, '#dm-rec-2-kind')));
    expect(el<HTMLInputElement>(acme, '#dm-rec-2-name').value).toBe('Acme Analytics');
    expect(el<HTMLInputElement>(container, '#dm-new-recipient').value).toBe('');
    await expectAccessible(container);

    await fireEvent.click(el(container, '[data-remove-recipient="google_analytics"]'));
    expect(container.querySelector('[data-recipient="google_analytics"]')).toBeNull();

    await type(el(container, '#dm-new-category'), 'Health data');
    await fireEvent.submit(el(container, '#dm-new-category').closest('form')!);
    expect(category(container, 'health_data').hasAttribute('open')).toBe(true);
    // The new category can be ticked for a recipient at once.
    expect(recipient(container, 'zoominfo').querySelector('[data-sold="health_data"]')).not.toBeNull();

    await fireEvent.click(el(container, '[data-remove-category="identifiers"]'));
    expect(container.querySelector('[data-category="identifiers"]')).toBeNull();
    expect(el<HTMLSelectElement>(container, '#dm-role-person_name').value).toBe('');
    expect(el<HTMLInputElement>(recipient(container, 'zoominfo'), '[data-disclosed="contact_details"]').checked).toBe(true);
    expect(recipient(container, 'zoominfo').querySelector('[data-disclosed="identifiers"]')).toBeNull();
    expect(current.map).toEqual(DATA_MAP);
  });

  it('keeps an unsaved draft while away from the screen', async () => {
    const { container } = await openMap();
    await type(el(container, '#dm-cat-1-retention'), '3 years after the last contact');
    await type(el(container, '#datamap-note'), 'Retention per policy');
    await key('Escape');
    await waitFor(() => expect(container.querySelector('#datamap')).toBeNull());
    await fireEvent.click(el(container, '#nav-datamap'));
    await waitFor(() => expect(container.querySelector('#datamap-version')).not.toBeNull());
    expect(el<HTMLInputElement>(container, '#dm-cat-1-retention').value).toBe('3 years after the last contact');
    expect(el<HTMLTextAreaElement>(container, '#datamap-note').value).toBe('Retention per policy');
    expect(el(container, '#datamap-unsaved')).toBeTruthy();
  });
});
