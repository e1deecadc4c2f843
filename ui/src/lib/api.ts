// The one module that talks to Tauri. Components import these functions, never
// `@tauri-apps/*`, so under vitest the whole backend is `vi.mock('…/lib/api')`.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';

import type { AuditReport } from './bindings/AuditReport';
import type { CompanyProfile } from './bindings/CompanyProfile';
import type { DataMap } from './bindings/DataMap';
import type { DataMapVersion } from './bindings/DataMapVersion';
import type { DataMapVersionInfo } from './bindings/DataMapVersionInfo';
import type { DataPoint } from './bindings/DataPoint';
import type { DataImportSummary } from './bindings/DataImportSummary';
import type { DataProgress } from './bindings/DataProgress';
import type { EvidenceKind } from './bindings/EvidenceKind';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportSummary } from './bindings/ImportSummary';
import type { KindOutcome } from './bindings/KindOutcome';
import type { LedgerInfo } from './bindings/LedgerInfo';
import type { LetterExport } from './bindings/LetterExport';
import type { LetterInfo } from './bindings/LetterInfo';
import type { LetterOptions } from './bindings/LetterOptions';
import type { Level } from './bindings/Level';
import type { ManualRequest } from './bindings/ManualRequest';
import type { MetricsReport } from './bindings/MetricsReport';
import type { OnBehalf } from './bindings/OnBehalf';
import type { PiecesExport } from './bindings/PiecesExport';
import type { PiecesFormat } from './bindings/PiecesFormat';
import type { PiecesView } from './bindings/PiecesView';
import type { RecipientTasksView } from './bindings/RecipientTasksView';
import type { RedactedPieces } from './bindings/RedactedPieces';
import type { RedactionType } from './bindings/RedactionType';
import type { RequestDetail } from './bindings/RequestDetail';
import type { RequestEdit } from './bindings/RequestEdit';
import type { RequestFilter } from './bindings/RequestFilter';
import type { RequestSummary } from './bindings/RequestSummary';
import type { RetentionReport } from './bindings/RetentionReport';
import type { Role } from './bindings/Role';
import type { SourceInfo } from './bindings/SourceInfo';
import type { Status } from './bindings/Status';
import type { StepId } from './bindings/StepId';
import type { TemplateView } from './bindings/TemplateView';
import type { TrayItem } from './bindings/TrayItem';
import type { VerificationOutcome } from './bindings/VerificationOutcome';
import type { VerificationView } from './bindings/VerificationView';
import { toAppError } from './errors';
import type { Delivery, LetterKind, LetterLang, TemplateKind } from './labels';

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
/**
 * Closes an answered request: one outcome per kind (a withdrawn one closes through setStatus).
 * A deletion or opt-out closed as done fails while recipient tasks are open, unless `tasksOverride` says why.
 */
export const closeRequest = (reference: string, outcomes: KindOutcome[], tasksOverride?: string) =>
  call<RequestDetail>('close_request', tasksOverride ? { reference, outcomes, tasksOverride } : { reference, outcomes });
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

// Verification: how sure the desk must be of who is asking, and how it got there
export const getVerification = (reference: string) => call<VerificationView>('get_verification', { reference });
/** Replaces the data points the requester gave; fails when the request needs no verification. */
export const setVerificationPoints = (reference: string, points: DataPoint[]) =>
  call<VerificationView>('set_verification_points', { reference, points });
/** Accepts (or not) a partial match of the offered point at `index`. */
export const acceptPartialPoint = (reference: string, index: number, accept: boolean, reason: string) =>
  call<VerificationView>('accept_partial_point', { reference, index, accept, reason });
/** Ticks or unticks one step of the plan; `reason` is required. */
export const setVerificationStep = (reference: string, step: StepId, done: boolean, reason: string) =>
  call<VerificationView>('set_verification_step', { reference, step, done, reason });
/** Who the request is for: null for the requester themself. */
export const setOnBehalf = (reference: string, onBehalf: OnBehalf | null, reason: string) =>
  call<VerificationView>('set_on_behalf', { reference, onBehalf, reason });
/** Sets the level by hand (null: as computed) and whether the data is sensitive. */
export const overrideVerificationLevel = (reference: string, level: Level | null, sensitive: boolean, reason: string) =>
  call<VerificationView>('override_verification_level', { reference, level, sensitive, reason });
/** Records that the verification request went out today. */
export const markVerificationAsked = (reference: string) =>
  call<VerificationView>('mark_verification_asked', { reference });
/** Fails with "has not reached …" when 'verified' is chosen before the level is met. */
export const decideVerification = (reference: string, outcome: VerificationOutcome, reason: string) =>
  call<VerificationView>('decide_verification', { reference, outcome, reason });
/** Opens the native dialog for a PDF or image and keeps it, encrypted, as evidence; null when cancelled. */
export const addEvidence = (reference: string, kind: EvidenceKind) =>
  call<VerificationView | null>('add_evidence', { reference, kind });
/** The bytes of one piece of evidence, to show in the app: never written to disk. */
export const evidenceFile = (reference: string, id: number) => call<ArrayBuffer>('evidence_file', { reference, id });
/** Records what checking the evidence found (required); `erase` drops the file and keeps the finding. */
export const checkEvidence = (reference: string, id: number, finding: string, erase: boolean) =>
  call<VerificationView>('check_evidence', { reference, id, finding, erase });

// Letters
/** Renders the letter, opens the native save dialog and keeps it in the ledger; null when cancelled. */
export const exportLetter = (reference: string, kind: LetterKind, options?: LetterOptions) =>
  call<LetterExport | null>('export_letter', options ? { reference, kind, options } : { reference, kind });
/** The letter's PDF as it would be exported now, as raw bytes: never written to disk. */
export const previewLetter = (reference: string, kind: LetterKind, options: LetterOptions) =>
  call<ArrayBuffer>('preview_letter', { reference, kind, options });
/** The PDF of a letter exported earlier, as kept in the ledger. */
export const storedLetter = (reference: string, id: number) => call<ArrayBuffer>('stored_letter', { reference, id });
/** Records how and when an exported letter was sent; `on` ("YYYY-MM-DD") defaults to the company's today. */
export const recordDelivery = (reference: string, letter: number, via: Delivery, on?: string) =>
  call<LetterInfo>('record_delivery', on ? { reference, letter, via, on } : { reference, letter, via });
/** A letter's template in one language: the officer's newest version, else the built-in one. */
export const getLetterTemplate = (kind: TemplateKind, lang: LetterLang) =>
  call<TemplateView>('get_letter_template', { kind, lang });
/** Keeps a new version of a template; fails, saying why, when it does not render. */
export const saveLetterTemplate = (kind: TemplateKind, lang: LetterLang, body: string) =>
  call<TemplateView>('save_letter_template', { kind, lang, body });

// Data map: what the company holds, why, who receives it; letters are written from it
export const getDataMap = () => call<DataMapVersion>('get_data_map');
export const dataMapVersions = () => call<DataMapVersionInfo[]>('data_map_versions');
/** Checks and keeps a new version; fails, saying why, when the map is not valid or the note is empty. */
export const saveDataMap = (map: DataMap, note: string) => call<DataMapVersion>('save_data_map', { map, note });

// Recipient tasks: telling every recipient of a deletion or opt-out
export const getRecipientTasks = (reference: string) =>
  call<RecipientTasksView>('get_recipient_tasks', { reference });
/** One task per recipient the data map says must be told; tasks already made stay as they are. */
export const createRecipientTasks = (reference: string) =>
  call<RecipientTasksView>('create_recipient_tasks', { reference });
/** Records today that the notice went out (`confirmed` false) or that the recipient confirmed (true). */
export const markRecipientTask = (reference: string, task: number, confirmed: boolean) =>
  call<RecipientTasksView>('mark_recipient_task', { reference, task, confirmed });

// Data sources: the company's exports (CSV, JSON, JSONL) kept in the ledger
export const listSources = () => call<SourceInfo[]>('list_sources');
/** Opens the native dialog and imports the chosen exports (data-progress events; cancelImport stops it); null when cancelled. */
export const importSourcesPick = () => call<DataImportSummary | null>('import_sources_pick');
export const setColumnRole = (source: string, column: string, role: Role) =>
  call<SourceInfo[]>('set_column_role', { source, column, role });
export const removeSource = (source: string) => call<SourceInfo[]>('remove_source', { source });

// Specific pieces of a request: the rows found about the requester, and their redactions
export const getPieces = (reference: string) => call<PiecesView>('get_pieces', { reference });
/** Searches every data source for the requester; fails when there are no data sources. */
export const findPieces = (reference: string) => call<PiecesView>('find_pieces', { reference });
/** Confirms a found row as the requester's, or rejects it (then `reason` is required). */
export const decidePieceRow = (reference: string, source: string, number: number, confirm: boolean, reason: string) =>
  call<PiecesView>('decide_piece_row', { reference, source, number, confirm, reason });
/** Runs the detectors over the rows not rejected. */
export const scanRedactions = (reference: string) => call<PiecesView>('scan_redactions', { reference });
/** One redaction by its id, or every redaction of one type. */
export type RedactionChoice = { id: number } | { kind: RedactionType };
/** Keeps (the text stays redacted) or rejects (the text is disclosed) redactions; `reason` is required. */
export const decideRedaction = (reference: string, which: RedactionChoice, keep: boolean, reason: string) =>
  call<PiecesView>('decide_redaction', {
    reference,
    id: 'id' in which ? which.id : null,
    kind: 'kind' in which ? which.kind : null,
    keep,
    reason,
  });
/** Redacts `start..end` of one field: CHARACTER offsets (Unicode code points), not UTF-16 units. */
export const addRedaction = (
  reference: string,
  source: string,
  number: number,
  field: string,
  start: number,
  end: number,
  kind: RedactionType,
  reason: string,
) => call<PiecesView>('add_redaction', { reference, source, number, field, start, end, kind, reason });
/** The confirmed rows with every redaction not rejected applied: what will be disclosed. */
export const redactedPieces = (reference: string) => call<RedactedPieces>('redacted_pieces', { reference });
/** Opens the native save dialog and writes the portable copy; null when cancelled. */
export const exportPieces = (reference: string, format: PiecesFormat) =>
  call<PiecesExport | null>('export_pieces', { reference, format });

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

/** Heard as a data-export import (importSourcesPick) reads its files. */
export function onDataProgress(handler: (progress: DataProgress) => void): Promise<Unlisten> {
  return listen<DataProgress>('data-progress', (event) => handler(event.payload));
}

export function onDragDrop(handler: (event: DropEvent) => void): Promise<Unlisten> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    handler({ type: p.type, paths: 'paths' in p ? p.paths : [] });
  });
}
