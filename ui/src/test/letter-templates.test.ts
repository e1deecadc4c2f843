// Settings → Letter templates: the wording of each letter per language, saved
// as numbered versions, with the built-in one always at hand.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../lib/api', () => import('./api-mock'));

import * as api from './api-mock';
import { expectAccessible } from './axe';
import { LIST, UNLOCKED, template } from './fixtures';
import { el, key, renderDesk, type } from './helpers';

const PROFILE = {
  name: 'Meridian Data Inc.',
  address: '1 Market St',
  privacy_email: 'privacy@meridian.example',
  time_zone: 'America/Los_Angeles',
  officer_name: 'Dana Reyes',
  idle_lock_minutes: 10,
  retention_months: 24,
  lookback_months: 12,
  abandon_after_days: 45,
  max_attachment_mb: 25,
  closure_days: [],
};

const BUILTIN = '{% extends "_letter" %}\n{% block heading %}We received your request{% endblock %}\n';
const MINE = '{% extends "_letter" %}\n{% block heading %}Thank you for writing to us{% endblock %}\n';
const V1 = { kind: 'ack', lang: 'en', version: 1, created_at: '2026-01-12T10:00:00Z', actor: 'officer', body: MINE };

beforeEach(() => {
  api.resetApi();
  api.ledgerInfo.mockResolvedValue(UNLOCKED);
  api.listRequests.mockResolvedValue(LIST);
  api.getProfile.mockResolvedValue(PROFILE);
  api.getLetterTemplate.mockImplementation(async (kind, lang) =>
    template({ kind, lang, body: `# ${kind} in ${lang}\n`, builtin: `# ${kind} in ${lang}\n` }),
  );
  api.getLetterTemplate.mockImplementationOnce(async () => template({ body: BUILTIN, builtin: BUILTIN }));
});

async function openTemplates() {
  const view = await renderDesk(3);
  await fireEvent.click(el(view.container, '#settings'));
  await waitFor(() => expect(view.container.querySelector('#template-body')).not.toBeNull());
  return view;
}

const body = (container: HTMLElement) => el<HTMLTextAreaElement>(container, '#template-body');

describe('letter templates', () => {
  it('shows the built-in acknowledgement first, with how the line language works', async () => {
    const { container } = await openTemplates();
    expect(api.getLetterTemplate).toHaveBeenCalledWith('ack', 'en');
    const section = screen.getByRole('region', { name: 'Letter templates' });
    const kinds = [...el<HTMLSelectElement>(section, '#template-kind').options];
    expect(kinds).toHaveLength(17);
    expect(kinds.slice(-2).map((o) => [o.value, o.textContent])).toEqual([
      ['_letter', 'Letter frame (letterhead, greeting, signature, footer)'],
      ['_route', 'Appeal and complaint routes'],
    ]);
    expect([...el<HTMLSelectElement>(section, '#template-lang').options].map((o) => o.value)).toEqual(['en', 'es', 'de', 'fr']);
    expect(body(container).value).toBe(BUILTIN);
    expect(el(section, '#template-version').textContent).toContain('Built-in template');
    const help = el(section, '#template-help').textContent ?? '';
    for (const piece of ['# Heading', '> line', '- item', 'Label:: value', '@table NAME | Header', '{{ value }}']) {
      expect(help).toContain(piece);
    }
    expect(body(container).getAttribute('aria-describedby')).toBe('template-help');
    expect(el<HTMLButtonElement>(section, '#template-save').disabled).toBe(true);
    expect(el<HTMLButtonElement>(section, '#template-restore').disabled).toBe(true);
    await expectAccessible(container);
  });

  it('saves the edited text as a new version, and shows why a template that does not render was refused', async () => {
    const { container } = await openTemplates();
    await type(body(container), '{% extends "_letter" %}\n{% block heading %}{{ nope }{% endblock %}\n');
    expect(el(container, '#template-version').textContent).toContain('Unsaved changes');
    const refusal = 'the letter template could not be used: ack (en), line 2: expected `}}`, found `}{%`';
    api.saveLetterTemplate.mockRejectedValueOnce({ code: 'invalid', message: refusal });
    await fireEvent.click(el(container, '#template-save'));
    expect(api.saveLetterTemplate).toHaveBeenCalledWith('ack', 'en', '{% extends "_letter" %}\n{% block heading %}{{ nope }{% endblock %}\n');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(refusal));
    await expectAccessible(container);

    api.saveLetterTemplate.mockResolvedValue(template({ version: 1, body: MINE, builtin: BUILTIN, versions: [V1] }));
    await type(body(container), MINE);
    await fireEvent.click(el(container, '#template-save'));
    expect(api.saveLetterTemplate).toHaveBeenLastCalledWith('ack', 'en', MINE);
    await waitFor(() => expect(el(container, '#template-version').textContent).toMatch(/^\s*Version 1, saved 12 Jan 2026/));
    expect(el(container, '#template-version').textContent).not.toContain('Unsaved');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(el(document, '#toast').textContent).toBe('Acknowledgement (English) saved as version 1.');
    const versions = el(container, '#template-versions');
    expect(within(versions).getAllByRole('listitem')).toHaveLength(1);
    expect(versions.textContent).toContain('in use');
  });

  it('puts the built-in text back without saving it', async () => {
    api.getLetterTemplate.mockReset();
    api.getLetterTemplate.mockResolvedValue(template({ version: 1, body: MINE, builtin: BUILTIN, versions: [V1] }));
    const { container } = await openTemplates();
    expect(body(container).value).toBe(MINE);
    await fireEvent.click(el(container, '#template-restore'));
    expect(body(container).value).toBe(BUILTIN);
    expect(api.saveLetterTemplate).not.toHaveBeenCalled();
    expect(el(container, '#template-version').textContent).toContain('Unsaved changes');
    await fireEvent.click(el(container, '#template-discard'));
    expect(body(container).value).toBe(MINE);
  });

  it('loads each template and language, keeping unsaved text of the others', async () => {
    const { container } = await openTemplates();
    await type(body(container), `${BUILTIN}Extra line\n`);
    await fireEvent.change(el(container, '#template-kind'), { target: { value: '_route' } });
    await waitFor(() => expect(body(container).value).toBe('# _route in en\n'));
    expect(api.getLetterTemplate).toHaveBeenLastCalledWith('_route', 'en');
    await fireEvent.change(el(container, '#template-lang'), { target: { value: 'de' } });
    await waitFor(() => expect(api.getLetterTemplate).toHaveBeenLastCalledWith('_route', 'de'));
    await waitFor(() => expect(body(container).value).toBe('# _route in de\n'));

    api.getLetterTemplate.mockImplementationOnce(async () => template({ body: BUILTIN, builtin: BUILTIN }));
    await fireEvent.change(el(container, '#template-kind'), { target: { value: 'ack' } });
    await fireEvent.change(el(container, '#template-lang'), { target: { value: 'en' } });
    await waitFor(() => expect(body(container).value).toBe(`${BUILTIN}Extra line\n`));
    await key('Escape', body(container));
  });
});
