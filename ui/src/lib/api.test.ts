import { beforeEach, describe, expect, it, vi } from 'vitest';

const tauri = vi.hoisted(() => ({
  invoke: vi.fn(),
  listen: vi.fn(),
  onDragDropEvent: vi.fn(),
}));

vi.mock('@tauri-apps/api/core', () => ({ invoke: tauri.invoke }));
vi.mock('@tauri-apps/api/event', () => ({ listen: tauri.listen }));
vi.mock('@tauri-apps/api/webview', () => ({
  getCurrentWebview: () => ({ onDragDropEvent: tauri.onDragDropEvent }),
}));

import * as api from './api';
import type { ManualRequest } from './bindings/ManualRequest';

beforeEach(() => {
  tauri.invoke.mockReset();
  tauri.invoke.mockResolvedValue(null);
});

describe('commands', () => {
  it('calls each backend command by its name with camelCase arguments', async () => {
    const edit = { requester_name: 'A', postal_address: '', kinds: [], regime: 'ccpa' } as const;
    const outcome = { kind: 'access', outcome: 'denied', basis: 'not verified' } as const;
    const manual: ManualRequest = {
      channel: 'phone', received: '2026-03-02', requester_name: 'A', requester_email: '', postal_address: '',
      kinds: ['access'], regime: 'policy', note: '',
    };
    const point = { kind: 'email', value: 'a@b.c', to_correct: false } as const;
    const options = { lang: 'es', reason: 'not verified', task: null };
    const map = { note: '', categories: [], sources: [], purposes: [], recipient_kinds: [], safeguards: [], recipients: [], role_categories: {}, column_categories: {}, automated_decisions: { en: 'None.' } };
    const profile = { name: 'n', address: 'a', privacy_email: 'e', time_zone: 'UTC', officer_name: 'o', idle_lock_minutes: 5, retention_months: 24, lookback_months: 12, abandon_after_days: 45, max_attachment_mb: 25, closure_days: [] };
    const calls: [() => Promise<unknown>, string, Record<string, unknown> | undefined][] = [
      [() => api.ledgerInfo(), 'ledger_info', undefined],
      [() => api.ledgerCreate('pw'), 'ledger_create', { passphrase: 'pw' }],
      [() => api.ledgerUnlock('pw'), 'ledger_unlock', { passphrase: 'pw' }],
      [() => api.ledgerOpenDemo(), 'ledger_open_demo', undefined],
      [() => api.ledgerLock(), 'ledger_lock', undefined],
      [() => api.ledgerRekey('a', 'b'), 'ledger_rekey', { current: 'a', next: 'b' }],
      [() => api.keepalive(), 'keepalive', undefined],
      [() => api.importPick(), 'import_pick', undefined],
      [() => api.importDropped(['/x.eml']), 'import_dropped', { paths: ['/x.eml'] }],
      [() => api.cancelImport(), 'cancel_import', undefined],
      [() => api.listRequests({ status: 'received', query: 'q' }), 'list_requests', { filter: { status: 'received', query: 'q' } }],
      [() => api.getRequest('2026-0001'), 'get_request', { reference: '2026-0001' }],
      [() => api.updateRequest('2026-0001', { ...edit, kinds: [] }), 'update_request', { reference: '2026-0001', edit }],
      [() => api.setStatus('2026-0001', 'closed'), 'set_status', { reference: '2026-0001', status: 'closed' }],
      [() => api.exportLetter('2026-0001', 'ack'), 'export_letter', { reference: '2026-0001', kind: 'ack' }],
      [() => api.exportLetter('2026-0001', 'denial', options), 'export_letter', { reference: '2026-0001', kind: 'denial', options }],
      [() => api.previewLetter('2026-0001', 'twice_limit', options), 'preview_letter', { reference: '2026-0001', kind: 'twice_limit', options }],
      [() => api.storedLetter('2026-0001', 7), 'stored_letter', { reference: '2026-0001', id: 7 }],
      [() => api.recordDelivery('2026-0001', 7, 'post', '2026-01-20'), 'record_delivery', { reference: '2026-0001', letter: 7, via: 'post', on: '2026-01-20' }],
      [() => api.recordDelivery('2026-0001', 7, 'email'), 'record_delivery', { reference: '2026-0001', letter: 7, via: 'email' }],
      [() => api.getLetterTemplate('_route', 'de'), 'get_letter_template', { kind: '_route', lang: 'de' }],
      [() => api.saveLetterTemplate('ack', 'es', '# Hola'), 'save_letter_template', { kind: 'ack', lang: 'es', body: '# Hola' }],
      [() => api.getDataMap(), 'get_data_map', undefined],
      [() => api.dataMapVersions(), 'data_map_versions', undefined],
      [() => api.saveDataMap(map, 'Added a vendor'), 'save_data_map', { map, note: 'Added a vendor' }],
      [() => api.getRecipientTasks('2026-0001'), 'get_recipient_tasks', { reference: '2026-0001' }],
      [() => api.createRecipientTasks('2026-0001'), 'create_recipient_tasks', { reference: '2026-0001' }],
      [() => api.markRecipientTask('2026-0001', 3, true), 'mark_recipient_task', { reference: '2026-0001', task: 3, confirmed: true }],
      [() => api.closeRequest('2026-0001', [outcome]), 'close_request', { reference: '2026-0001', outcomes: [outcome] }],
      [() => api.closeRequest('2026-0001', [outcome], 'vendor gone'), 'close_request', { reference: '2026-0001', outcomes: [outcome], tasksOverride: 'vendor gone' }],
      [() => api.pauseClock('2026-0001', '2026-03-05', 'ID asked'), 'pause_clock', { reference: '2026-0001', on: '2026-03-05', reason: 'ID asked' }],
      [() => api.resumeClock('2026-0001', '2026-03-09', 'ID came'), 'resume_clock', { reference: '2026-0001', on: '2026-03-09', reason: 'ID came' }],
      [() => api.extendRequest('2026-0001', 'complex'), 'extend_request', { reference: '2026-0001', reason: 'complex' }],
      [() => api.proposeFee('2026-0001', 'repetitive', 2500, 'USD'), 'propose_fee', { reference: '2026-0001', reasons: 'repetitive', estimateCents: 2500, currency: 'USD' }],
      [() => api.decideFee('2026-0001', false), 'decide_fee', { reference: '2026-0001', accepted: false }],
      [() => api.metrics(2026), 'metrics', { year: 2026 }],
      [() => api.exportRegister('csv'), 'export_register', { format: 'csv' }],
      [() => api.retentionRun(true), 'retention_run', { dryRun: true }],
      [() => api.getProfile(), 'get_profile', undefined],
      [() => api.saveProfile(profile), 'save_profile', { profile }],
      [() => api.verifyAudit(), 'verify_audit', undefined],
      [() => api.listTray(), 'list_tray', undefined],
      [() => api.promoteMessage(17), 'promote_message', { message: 17 }],
      [() => api.saveAttachment(5), 'save_attachment', { id: 5 }],
      [() => api.pickDocuments(), 'pick_documents', undefined],
      [() => api.newRequest(manual, ['/scan/id.pdf']), 'new_request', { form: manual, documents: ['/scan/id.pdf'] }],
      [() => api.listSources(), 'list_sources', undefined],
      [() => api.importSourcesPick(), 'import_sources_pick', undefined],
      [() => api.setColumnRole('crm', 'Owner', 'other_person_name'), 'set_column_role', { source: 'crm', column: 'Owner', role: 'other_person_name' }],
      [() => api.removeSource('crm'), 'remove_source', { source: 'crm' }],
      [() => api.getPieces('2026-0001'), 'get_pieces', { reference: '2026-0001' }],
      [() => api.findPieces('2026-0001'), 'find_pieces', { reference: '2026-0001' }],
      [() => api.decidePieceRow('2026-0001', 'crm', 4, false, 'other person'), 'decide_piece_row', { reference: '2026-0001', source: 'crm', number: 4, confirm: false, reason: 'other person' }],
      [() => api.scanRedactions('2026-0001'), 'scan_redactions', { reference: '2026-0001' }],
      [() => api.decideRedaction('2026-0001', { id: 9 }, true, 'GDPR Art. 15(4)'), 'decide_redaction', { reference: '2026-0001', id: 9, kind: null, keep: true, reason: 'GDPR Art. 15(4)' }],
      [() => api.decideRedaction('2026-0001', { kind: 'ssn' }, false, 'their own'), 'decide_redaction', { reference: '2026-0001', id: null, kind: 'ssn', keep: false, reason: 'their own' }],
      [() => api.addRedaction('2026-0001', 'crm', 4, 'Notes', 3, 7, 'other', 'a colleague'), 'add_redaction', { reference: '2026-0001', source: 'crm', number: 4, field: 'Notes', start: 3, end: 7, kind: 'other', reason: 'a colleague' }],
      [() => api.redactedPieces('2026-0001'), 'redacted_pieces', { reference: '2026-0001' }],
      [() => api.exportPieces('2026-0001', 'csv'), 'export_pieces', { reference: '2026-0001', format: 'csv' }],
      [() => api.getVerification('2026-0001'), 'get_verification', { reference: '2026-0001' }],
      [() => api.setVerificationPoints('2026-0001', [point]), 'set_verification_points', { reference: '2026-0001', points: [point] }],
      [() => api.acceptPartialPoint('2026-0001', 2, true, 'nickname'), 'accept_partial_point', { reference: '2026-0001', index: 2, accept: true, reason: 'nickname' }],
      [() => api.setVerificationStep('2026-0001', 'declaration', true, 'declaration received'), 'set_verification_step', { reference: '2026-0001', step: 'declaration', done: true, reason: 'declaration received' }],
      [() => api.setOnBehalf('2026-0001', 'agent', 'agent wrote'), 'set_on_behalf', { reference: '2026-0001', onBehalf: 'agent', reason: 'agent wrote' }],
      [() => api.setOnBehalf('2026-0001', null, 'self'), 'set_on_behalf', { reference: '2026-0001', onBehalf: null, reason: 'self' }],
      [() => api.overrideVerificationLevel('2026-0001', null, true, 'health data'), 'override_verification_level', { reference: '2026-0001', level: null, sensitive: true, reason: 'health data' }],
      [() => api.markVerificationAsked('2026-0001'), 'mark_verification_asked', { reference: '2026-0001' }],
      [() => api.decideVerification('2026-0001', 'not_verified', 'no answer'), 'decide_verification', { reference: '2026-0001', outcome: 'not_verified', reason: 'no answer' }],
      [() => api.addEvidence('2026-0001', 'id_scan'), 'add_evidence', { reference: '2026-0001', kind: 'id_scan' }],
      [() => api.evidenceFile('2026-0001', 3), 'evidence_file', { reference: '2026-0001', id: 3 }],
      [() => api.checkEvidence('2026-0001', 3, 'passport matches', true), 'check_evidence', { reference: '2026-0001', id: 3, finding: 'passport matches', erase: true }],
    ];
    for (const [call, command, args] of calls) {
      tauri.invoke.mockClear();
      await call();
      expect(tauri.invoke).toHaveBeenCalledWith(command, args);
    }
  });

  it('hands over an evidence file as the raw bytes the command returns', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]).buffer;
    tauri.invoke.mockResolvedValueOnce(bytes);
    expect(await api.evidenceFile('2026-0001', 3)).toBe(bytes);
  });

  it('hands over a letter preview and a stored letter as raw bytes', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]).buffer;
    tauri.invoke.mockResolvedValueOnce(bytes);
    expect(await api.previewLetter('2026-0001', 'ack', { lang: null, reason: '', task: null })).toBe(bytes);
    tauri.invoke.mockResolvedValueOnce(bytes);
    expect(await api.storedLetter('2026-0001', 7)).toBe(bytes);
  });

  it('rethrows backend errors as {code, message}', async () => {
    tauri.invoke.mockRejectedValueOnce({ code: 'wrong_passphrase', message: 'nope' });
    await expect(api.ledgerUnlock('x')).rejects.toEqual({ code: 'wrong_passphrase', message: 'nope' });
    tauri.invoke.mockRejectedValueOnce('Command get_request not found');
    await expect(api.getRequest('x')).rejects.toEqual({ code: 'unknown', message: 'Command get_request not found' });
  });
});

describe('events', () => {
  it('listens for ledger-locked', async () => {
    const off = vi.fn();
    tauri.listen.mockResolvedValue(off);
    const handler = vi.fn();
    expect(await api.onLedgerLocked(handler)).toBe(off);
    expect(tauri.listen.mock.calls[0][0]).toBe('ledger-locked');
    tauri.listen.mock.calls[0][1]({ event: 'ledger-locked', id: 1, payload: null });
    expect(handler).toHaveBeenCalled();
  });

  it('listens for import-progress and hands over the payload', async () => {
    const off = vi.fn();
    tauri.listen.mockReset();
    tauri.listen.mockResolvedValue(off);
    const seen: unknown[] = [];
    expect(await api.onImportProgress((p) => seen.push(p))).toBe(off);
    expect(tauri.listen.mock.calls[0][0]).toBe('import-progress');
    const payload = { done: 1, total: 3, current: '/mail/b.eml', errors: 0 };
    tauri.listen.mock.calls[0][1]({ event: 'import-progress', id: 1, payload });
    expect(seen).toEqual([payload]);
  });

  it('listens for data-progress and hands over the payload', async () => {
    const off = vi.fn();
    tauri.listen.mockReset();
    tauri.listen.mockResolvedValue(off);
    const seen: unknown[] = [];
    expect(await api.onDataProgress((p) => seen.push(p))).toBe(off);
    expect(tauri.listen.mock.calls[0][0]).toBe('data-progress');
    const payload = { file: '/exports/crm.csv', bytes_done: 10, bytes_total: 100, rows: 3 };
    tauri.listen.mock.calls[0][1]({ event: 'data-progress', id: 1, payload });
    expect(seen).toEqual([payload]);
  });

  it('reduces drag-and-drop events to a type and paths', async () => {
    tauri.onDragDropEvent.mockResolvedValue(() => {});
    const seen: unknown[] = [];
    await api.onDragDrop((e) => seen.push(e));
    const cb = tauri.onDragDropEvent.mock.calls[0][0];
    const position = { x: 1, y: 2 };
    cb({ payload: { type: 'enter', paths: ['/a.eml'], position } });
    cb({ payload: { type: 'over', position } });
    cb({ payload: { type: 'drop', paths: ['/a.eml'], position } });
    cb({ payload: { type: 'leave' } });
    expect(seen).toEqual([
      { type: 'enter', paths: ['/a.eml'] },
      { type: 'over', paths: [] },
      { type: 'drop', paths: ['/a.eml'] },
      { type: 'leave', paths: [] },
    ]);
  });
});
