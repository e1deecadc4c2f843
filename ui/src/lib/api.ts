// The one module that talks to Tauri. Components import these functions, never
// `@tauri-apps/*`, so under vitest the whole backend is `vi.mock('…/lib/api')`.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';

import type { AuditReport } from './bindings/AuditReport';
import type { CompanyProfile } from './bindings/CompanyProfile';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportSummary } from './bindings/ImportSummary';
import type { KindOutcome } from './bindings/KindOutcome';
import type { LedgerInfo } from './bindings/LedgerInfo';
import type { LetterExport } from './bindings/LetterExport';
import type { ManualRequest } from './bindings/ManualRequest';
import type { MetricsReport } from './bindings/MetricsReport';
import type { RequestDetail } from './bindings/RequestDetail';
import type { RequestEdit } from './bindings/RequestEdit';
import type { RequestFilter } from './bindings/RequestFilter';
import type { RequestSummary } from './bindings/RequestSummary';
import type { RetentionReport } from './bindings/RetentionReport';
import type { Status } from './bindings/Status';
import type { TrayItem } from './bindings/TrayItem';
import { toAppError } from './errors';
import type { LetterKind } from './labels';

/** A drag-and-drop event on the window, reduced to what the UI needs. */
export type DropEvent = { type: 'enter' | 'over' | 'drop' | 'leave'; paths: string[] };
export type Unlisten = () => void;

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    // Backend errors arrive as {code, message}; Tauri's own failures as strings.
    throw toAppError(e);
  }
}

// Ledger
export const ledgerInfo = () => call<LedgerInfo>('ledger_info');
export const ledgerCreate = (passphrase: string) => call<LedgerInfo>('ledger_create', { passphrase });
export const ledgerUnlock = (passphrase: string) => call<LedgerInfo>('ledger_unlock', { passphrase });
export const ledgerOpenDemo = () => call<LedgerInfo>('ledger_open_demo');
export const ledgerLock = () => call<LedgerInfo>('ledger_lock');
export const ledgerRekey = (current: string, next: string) =>
  call<null>('ledger_rekey', { current, next });
export const keepalive = () => call<null>('keepalive');

// Intake
export const importPick = () => call<ImportSummary | null>('import_pick');
export const importDropped = (paths: string[]) => call<ImportSummary>('import_dropped', { paths });
/** Stops the running import after the file it is on; the import still resolves with its summary. */
export const cancelImport = () => call<null>('cancel_import');
/** The "Not a request" tray: messages intake set aside. */
export const listTray = () => call<TrayItem[]>('list_tray');
/** Turns a tray message into a request; its new reference. */
export const promoteMessage = (message: number) => call<string>('promote_message', { message });
/** Opens the native multi-select dialog for PDFs and images; the chosen paths, empty when cancelled. */
export const pickDocuments = () => call<string[]>('pick_documents');
/** Enters a request taken by phone, post, web form or in person; its new reference. `documents` come from pickDocuments only. */
export const newRequest = (form: ManualRequest, documents: string[]) =>
  call<string>('new_request', { form, documents });

// Requests
export const listRequests = (filter: RequestFilter) =>
  call<RequestSummary[]>('list_requests', { filter });
export const getRequest = (reference: string) => call<RequestDetail>('get_request', { reference });
export const updateRequest = (reference: string, edit: RequestEdit) =>
  call<RequestDetail>('update_request', { reference, edit });
export const setStatus = (reference: string, status: Status) =>
  call<RequestDetail>('set_status', { reference, status });
/** Closes an answered request: one outcome per kind (a withdrawn one closes through setStatus). */
export const closeRequest = (reference: string, outcomes: KindOutcome[]) =>
  call<RequestDetail>('close_request', { reference, outcomes });
/** Opens the native save dialog for one attachment; the saved path, or null when cancelled. */
export const saveAttachment = (id: number) => call<string | null>('save_attachment', { id });

// Clock (`on` is a calendar date, "YYYY-MM-DD")
export const pauseClock = (reference: string, on: string, reason: string) =>
  call<RequestDetail>('pause_clock', { reference, on, reason });
export const resumeClock = (reference: string, on: string, reason: string) =>
  call<RequestDetail>('resume_clock', { reference, on, reason });
export const extendRequest = (reference: string, reason: string) =>
  call<RequestDetail>('extend_request', { reference, reason });

// Fee path (Tauri maps camelCase keys to the command's snake_case parameters)
export const proposeFee = (reference: string, reasons: string, estimateCents: number, currency: string) =>
  call<RequestDetail>('propose_fee', { reference, reasons, estimateCents, currency });
export const decideFee = (reference: string, accepted: boolean) =>
  call<RequestDetail>('decide_fee', { reference, accepted });

// Letters
export const exportLetter = (reference: string, kind: LetterKind) =>
  call<LetterExport | null>('export_letter', { reference, kind });

// Records: §7102 metrics, §7101 register, retention
export const metrics = (year: number) => call<MetricsReport>('metrics', { year });
/** Opens the native save dialog; the saved path, or null when cancelled. */
export const exportRegister = (format: 'csv' | 'json') => call<string | null>('export_register', { format });
export const retentionRun = (dryRun: boolean) => call<RetentionReport>('retention_run', { dryRun });

// Company
export const getProfile = () => call<CompanyProfile>('get_profile');
export const saveProfile = (profile: CompanyProfile) =>
  call<CompanyProfile>('save_profile', { profile });
export const verifyAudit = () => call<AuditReport>('verify_audit');

// Events
export function onLedgerLocked(handler: () => void): Promise<Unlisten> {
  return listen('ledger-locked', () => handler());
}

/** Heard before each file of a running import (importPick / importDropped). */
export function onImportProgress(handler: (progress: ImportProgress) => void): Promise<Unlisten> {
  return listen<ImportProgress>('import-progress', (event) => handler(event.payload));
}

export function onDragDrop(handler: (event: DropEvent) => void): Promise<Unlisten> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    handler({ type: p.type, paths: 'paths' in p ? p.paths : [] });
  });
}
