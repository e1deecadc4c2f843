// The Evidence section of the Verification tab: documents kept encrypted in the
// ledger, viewed from memory through blob: URLs, checked and then erased.
import { fireEvent, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../lib/api', () => import('./api-mock'));

import type { EvidenceInfo } from '../lib/bindings/EvidenceInfo';
import type { RequestDetail } from '../lib/bindings/RequestDetail';
import type { VerificationView } from '../lib/bindings/VerificationView';
import * as api from './api-mock';
import { expectAccessible } from './axe';
import { LIST, OVERDUE, UNLOCKED, detail, verification } from './fixtures';
import { el, openRow, renderDesk, type } from './helpers';

const details: Record<string, RequestDetail> = {};
/** What the backend holds for 2026-0001; the mocks change it as the real one would. */
let held: VerificationView;
const copy = () => structuredClone(held);

const PASSPORT: EvidenceInfo = {
  id: 7,
  kind: 'id_scan',
  name: 'passport.png',
  mime: 'image/png',
  size: 14540,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  added_at: '2026-01-16T09:30:00Z',
  finding: '',
  erased_on: null,
};
const DECLARATION: EvidenceInfo = {
  ...PASSPORT,
  id: 8,
  kind: 'declaration',
  name: 'declaration.pdf',
  mime: 'application/pdf',
  size: 80200,
  sha256: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9',
  finding: 'signed and dated',
  erased_on: '2026-01-18',
};
const BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

let createObjectURL: ReturnType<typeof vi.fn<(obj: Blob | MediaSource) => string>>;
let revokeObjectURL: ReturnType<typeof vi.fn<(url: string) => void>>;

beforeEach(() => {
  api.resetApi();
  api.ledgerInfo.mockResolvedValue(UNLOCKED);
  api.listRequests.mockResolvedValue(LIST);
  for (const s of LIST) details[s.reference] = detail(s);
  api.getRequest.mockImplementation(async (ref) => details[ref]);
  held = verification({ evidence: [structuredClone(PASSPORT)] });
  api.getVerification.mockImplementation(async () => copy());
  api.addEvidence.mockImplementation(async (_ref, kind) => {
    held.evidence.push({ ...PASSPORT, id: 9, kind, name: 'permission.pdf', mime: 'application/pdf' });
    return copy();
  });
  api.evidenceFile.mockImplementation(async () => BYTES.buffer.slice(0));
  api.checkEvidence.mockImplementation(async (_ref, id, finding, erase) => {
    const item = held.evidence.find((e) => e.id === id)!;
    item.finding = finding;
    if (erase) item.erased_on = '2026-01-20';
    return copy();
  });
  let n = 0;
  createObjectURL = vi.fn(() => `blob:rightsdesk/${++n}`);
  revokeObjectURL = vi.fn();
  // jsdom makes no blob: URLs: stand-ins, put back after each test.
  Object.assign(URL, { createObjectURL, revokeObjectURL });
});

const { createObjectURL: realCreate, revokeObjectURL: realRevoke } = URL;
afterEach(() => {
  Object.assign(URL, { createObjectURL: realCreate, revokeObjectURL: realRevoke });
});

async function openVerification() {
  const view = await renderDesk(3);
  await openRow(view.container, OVERDUE.reference);
  await fireEvent.click(el(view.container, '#tab-verification'));
  await waitFor(() => expect(view.container.querySelector('#evidence-heading')).not.toBeNull());
  return view;
}

/** The bytes a Blob holds. */
const bytesOf = (blob: Blob) =>
  new Promise<Uint8Array>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });

describe('the Evidence section', () => {
  it('lists the documents kept, between the data points and the outcome', async () => {
    held.evidence.push(structuredClone(DECLARATION));
    const { container } = await openVerification();
    const section = el(container, '#evidence');
    expect(section.querySelector('h4')?.textContent).toBe('Evidence');
    // Placed after the data points and before the outcome.
    expect(el(container, '#points-heading').compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(section.compareDocumentPosition(el(container, '#verification-outcome')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(el(container, '#evidence-hint').textContent).toContain('without ever being written to disk');
    expect(el(container, '#evidence-hint').textContent).toContain('keeping only the finding');

    const passport = el(section, '[data-evidence="7"]');
    expect(passport.textContent).toContain('ID scan');
    expect(passport.textContent).toContain('passport.png');
    expect(passport.textContent).toContain('14.2 KB');
    expect(passport.textContent).toContain('16 Jan 2026');
    expect(passport.textContent).toContain('SHA-256 9f86d081884c');
    expect(passport.querySelector('#view-evidence-7')).not.toBeNull();
    expect(passport.querySelector('#check-evidence-7')).not.toBeNull();

    const declaration = el(section, '[data-evidence="8"]');
    expect(declaration.textContent).toContain('Signed declaration');
    expect(el(declaration, '#evidence-finding-8').textContent?.trim()).toBe('File erased on 18 Jan 2026 — finding: signed and dated');
    expect(declaration.querySelector('#view-evidence-8')).toBeNull();
    expect(declaration.querySelector('#check-evidence-8')).toBeNull();
    await expectAccessible(container);
  });

  it('offers every kind of document, and adds one of the kind chosen', async () => {
    const { container } = await openVerification();
    const select = el<HTMLSelectElement>(container, '#evidence-kind');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'ID scan',
      'Signed declaration',
      'Agent’s signed permission',
      'Power of attorney',
      'Proof of parental authority',
      'Other',
    ]);
    await fireEvent.change(select, { target: { value: 'agent_permission' } });
    await fireEvent.click(el(container, '#add-evidence'));
    expect(api.addEvidence).toHaveBeenCalledWith('2026-0001', 'agent_permission');
    await waitFor(() => expect(container.querySelector('[data-evidence="9"]')).not.toBeNull());
    expect(el(container, '[data-evidence="9"]').textContent).toContain('Agent’s signed permission');
  });

  it('changes nothing when the file picker is cancelled, and shows a refusal', async () => {
    const { container } = await openVerification();
    api.addEvidence.mockResolvedValueOnce(null);
    await fireEvent.click(el(container, '#add-evidence'));
    await waitFor(() => expect(el<HTMLButtonElement>(container, '#add-evidence').disabled).toBe(false));
    expect(container.querySelectorAll('[data-evidence]').length).toBe(1);

    api.addEvidence.mockRejectedValueOnce({ code: 'invalid', message: 'only PDF and image files can be kept as evidence' });
    await fireEvent.click(el(container, '#add-evidence'));
    await waitFor(() => expect(el(document, '#toast').textContent).toBe('only PDF and image files can be kept as evidence'));
  });

  it('shows an image from a blob: URL made from its bytes, and revokes it on Close', async () => {
    const { container } = await openVerification();
    await fireEvent.click(el(container, '#view-evidence-7'));
    expect(api.evidenceFile).toHaveBeenCalledWith('2026-0001', 7);
    await waitFor(() => expect(container.querySelector('#evidence-viewer-7 img')).not.toBeNull());
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0][0] as Blob;
    expect(blob.type).toBe('image/png');
    expect(await bytesOf(blob)).toEqual(BYTES);
    const img = el<HTMLImageElement>(container, '#evidence-viewer-7 img');
    expect(img.getAttribute('src')).toBe('blob:rightsdesk/1');
    expect(img.alt).toBe('Evidence document: passport.png');
    expect(container.querySelector('#evidence-viewer-7 iframe')).toBeNull();
    expect(document.activeElement).toBe(el(container, '#close-evidence-7'));
    await expectAccessible(container);

    await fireEvent.click(el(container, '#close-evidence-7'));
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:rightsdesk/1');
    expect(container.querySelector('#evidence-viewer-7')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(el(container, '#view-evidence-7')));
  });

  it('shows a PDF in a sandboxed frame, revoking the URL when another document is shown or the tab is left', async () => {
    held.evidence.push({ ...PASSPORT, id: 9, kind: 'power_of_attorney', name: 'poa.pdf', mime: 'application/pdf' });
    const { container } = await openVerification();
    await fireEvent.click(el(container, '#view-evidence-9'));
    await waitFor(() => expect(container.querySelector('#evidence-viewer-9 iframe')).not.toBeNull());
    const frame = el<HTMLIFrameElement>(container, '#evidence-viewer-9 iframe');
    expect(frame.hasAttribute('sandbox')).toBe(true);
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.title).toBe('Evidence document: poa.pdf');
    expect(frame.getAttribute('src')).toBe('blob:rightsdesk/1');
    expect((createObjectURL.mock.calls[0][0] as Blob).type).toBe('application/pdf');

    await fireEvent.click(el(container, '#view-evidence-7'));
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:rightsdesk/1');
    await waitFor(() => expect(container.querySelector('#evidence-viewer-7 img')).not.toBeNull());
    expect(container.querySelector('#evidence-viewer-9')).toBeNull();

    await fireEvent.click(el(container, '#tab-letters'));
    await waitFor(() => expect(container.querySelector('#evidence')).toBeNull());
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:rightsdesk/2');
  });

  it('says why a document cannot be shown', async () => {
    const { container } = await openVerification();
    api.evidenceFile.mockRejectedValueOnce({ code: 'not_found', message: 'the file was erased' });
    await fireEvent.click(el(container, '#view-evidence-7'));
    await waitFor(() => expect(el(document, '#toast').textContent).toBe('the file was erased'));
    expect(createObjectURL).not.toHaveBeenCalled();
  });

  it('records the check with its finding, erasing the file by default', async () => {
    const { container } = await openVerification();
    await fireEvent.click(el(container, '#view-evidence-7'));
    await waitFor(() => expect(container.querySelector('#evidence-viewer-7')).not.toBeNull());

    await fireEvent.click(el(container, '#check-evidence-7'));
    const finding = el<HTMLTextAreaElement>(container, '#evidence-finding-input-7');
    expect(document.activeElement).toBe(finding);
    expect(finding.required).toBe(true);
    expect(el<HTMLInputElement>(container, '#evidence-erase-7').checked).toBe(true);
    expect(el(container, 'label[for="evidence-finding-input-7"]')).toBeTruthy();
    await expectAccessible(container);

    await fireEvent.click(el(container, '#evidence-check-submit-7'));
    expect(api.checkEvidence).not.toHaveBeenCalled();
    expect(finding.getAttribute('aria-invalid')).toBe('true');

    await type(finding, '  passport matches the name and photo on file ');
    await fireEvent.click(el(container, '#evidence-check-submit-7'));
    expect(api.checkEvidence).toHaveBeenCalledWith('2026-0001', 7, 'passport matches the name and photo on file', true);
    await waitFor(() =>
      expect(el(container, '#evidence-finding-7').textContent?.trim()).toBe(
        'File erased on 20 Jan 2026 — finding: passport matches the name and photo on file',
      ),
    );
    // The erased file is no longer shown, and its URL is revoked.
    expect(container.querySelector('#evidence-viewer-7')).toBeNull();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:rightsdesk/1');
    expect(container.querySelector('#view-evidence-7')).toBeNull();
    expect(container.querySelector('#check-evidence-7')).toBeNull();
  });

  it('can keep the file after checking it', async () => {
    const { container } = await openVerification();
    await fireEvent.click(el(container, '#check-evidence-7'));
    await type(el(container, '#evidence-finding-input-7'), 'photo is blurred, asked for another');
    await fireEvent.click(el(container, '#evidence-erase-7'));
    await fireEvent.click(el(container, '#evidence-check-submit-7'));
    expect(api.checkEvidence).toHaveBeenCalledWith('2026-0001', 7, 'photo is blurred, asked for another', false);
    await waitFor(() => expect(el(container, '#evidence-finding-7').textContent?.trim()).toBe('Checked — finding: photo is blurred, asked for another'));
    expect(container.querySelector('#view-evidence-7')).not.toBeNull();
  });

  it('is not there when no verification may be asked for', async () => {
    held = verification({
      plan: { level: 'none', basis: 'An opt-out of sale needs no verification (§7026).', steps: [], either: [], pause_allowed: false },
    });
    const view = await renderDesk(3);
    await openRow(view.container, OVERDUE.reference);
    await fireEvent.click(el(view.container, '#tab-verification'));
    await waitFor(() => expect(view.container.querySelector('#no-verification')).not.toBeNull());
    expect(view.container.querySelector('#evidence')).toBeNull();
    expect(view.container.querySelector('#add-evidence')).toBeNull();
  });
});
