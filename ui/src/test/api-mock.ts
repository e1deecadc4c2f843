// Stand-in for src/lib/api.ts. Test files use it with
//   vi.mock('../lib/api', () => import('./api-mock'));
// and drive it through the same module.
import { vi } from 'vitest';
import type * as Real from '../lib/api';
import type { DataProgress } from '../lib/bindings/DataProgress';
import type { ImportProgress } from '../lib/bindings/ImportProgress';

export const ledgerInfo = vi.fn<typeof Real.ledgerInfo>();
export const ledgerCreate = vi.fn<typeof Real.ledgerCreate>();
export const ledgerUnlock = vi.fn<typeof Real.ledgerUnlock>();
export const ledgerOpenDemo = vi.fn<typeof Real.ledgerOpenDemo>();
export const ledgerLock = vi.fn<typeof Real.ledgerLock>();
export const ledgerRekey = vi.fn<typeof Real.ledgerRekey>();
export const keepalive = vi.fn<typeof Real.keepalive>();
export const importPick = vi.fn<typeof Real.importPick>();
export const importDropped = vi.fn<typeof Real.importDropped>();
export const cancelImport = vi.fn<typeof Real.cancelImport>();
export const listRequests = vi.fn<typeof Real.listRequests>();
export const getRequest = vi.fn<typeof Real.getRequest>();
export const updateRequest = vi.fn<typeof Real.updateRequest>();
export const setStatus = vi.fn<typeof Real.setStatus>();
export const closeRequest = vi.fn<typeof Real.closeRequest>();
export const pauseClock = vi.fn<typeof Real.pauseClock>();
export const resumeClock = vi.fn<typeof Real.resumeClock>();
export const extendRequest = vi.fn<typeof Real.extendRequest>();
export const proposeFee = vi.fn<typeof Real.proposeFee>();
export const decideFee = vi.fn<typeof Real.decideFee>();
export const exportLetter = vi.fn<typeof Real.exportLetter>();
export const previewLetter = vi.fn<typeof Real.previewLetter>();
export const storedLetter = vi.fn<typeof Real.storedLetter>();
export const recordDelivery = vi.fn<typeof Real.recordDelivery>();
export const getLetterTemplate = vi.fn<typeof Real.getLetterTemplate>();
export const saveLetterTemplate = vi.fn<typeof Real.saveLetterTemplate>();
export const getDataMap = vi.fn<typeof Real.getDataMap>();
export const dataMapVersions = vi.fn<typeof Real.dataMapVersions>();
export const saveDataMap = vi.fn<typeof Real.saveDataMap>();
export const getRecipientTasks = vi.fn<typeof Real.getRecipientTasks>();
export const createRecipientTasks = vi.fn<typeof Real.createRecipientTasks>();
export const markRecipientTask = vi.fn<typeof Real.markRecipientTask>();
export const metrics = vi.fn<typeof Real.metrics>();
export const exportRegister = vi.fn<typeof Real.exportRegister>();
export const retentionRun = vi.fn<typeof Real.retentionRun>();
export const getProfile = vi.fn<typeof Real.getProfile>();
export const saveProfile = vi.fn<typeof Real.saveProfile>();
export const verifyAudit = vi.fn<typeof Real.verifyAudit>();
export const listTray = vi.fn<typeof Real.listTray>();
export const promoteMessage = vi.fn<typeof Real.promoteMessage>();
export const saveAttachment = vi.fn<typeof Real.saveAttachment>();
export const pickDocuments = vi.fn<typeof Real.pickDocuments>();
export const newRequest = vi.fn<typeof Real.newRequest>();
export const listSources = vi.fn<typeof Real.listSources>();
export const importSourcesPick = vi.fn<typeof Real.importSourcesPick>();
export const setColumnRole = vi.fn<typeof Real.setColumnRole>();
export const removeSource = vi.fn<typeof Real.removeSource>();
export const getPieces = vi.fn<typeof Real.getPieces>();
export const findPieces = vi.fn<typeof Real.findPieces>();
export const decidePieceRow = vi.fn<typeof Real.decidePieceRow>();
export const scanRedactions = vi.fn<typeof Real.scanRedactions>();
export const decideRedaction = vi.fn<typeof Real.decideRedaction>();
export const addRedaction = vi.fn<typeof Real.addRedaction>();
export const redactedPieces = vi.fn<typeof Real.redactedPieces>();
export const exportPieces = vi.fn<typeof Real.exportPieces>();
export const getVerification = vi.fn<typeof Real.getVerification>();
export const setVerificationPoints = vi.fn<typeof Real.setVerificationPoints>();
export const acceptPartialPoint = vi.fn<typeof Real.acceptPartialPoint>();
export const setVerificationStep = vi.fn<typeof Real.setVerificationStep>();
export const setOnBehalf = vi.fn<typeof Real.setOnBehalf>();
export const overrideVerificationLevel = vi.fn<typeof Real.overrideVerificationLevel>();
export const markVerificationAsked = vi.fn<typeof Real.markVerificationAsked>();
export const decideVerification = vi.fn<typeof Real.decideVerification>();
export const addEvidence = vi.fn<typeof Real.addEvidence>();
export const evidenceFile = vi.fn<typeof Real.evidenceFile>();
export const checkEvidence = vi.fn<typeof Real.checkEvidence>();
export const onLedgerLocked = vi.fn<typeof Real.onLedgerLocked>();
export const onDragDrop = vi.fn<typeof Real.onDragDrop>();
export const onImportProgress = vi.fn<typeof Real.onImportProgress>();
export const onDataProgress = vi.fn<typeof Real.onDataProgress>();

/** The handlers the UI registered, so a test can fire the backend's events. */
export const events: {
  locked: (() => void) | null;
  drop: ((e: Real.DropEvent) => void) | null;
  progress: ((p: ImportProgress) => void) | null;
  dataProgress: ((p: DataProgress) => void) | null;
} = { locked: null, drop: null, progress: null, dataProgress: null };

const all = [
  ledgerInfo, ledgerCreate, ledgerUnlock, ledgerOpenDemo, ledgerLock, ledgerRekey, keepalive,
  importPick, importDropped, cancelImport, listRequests, getRequest, updateRequest, setStatus, closeRequest,
  pauseClock, resumeClock, extendRequest, proposeFee, decideFee, exportLetter, metrics, exportRegister,
  retentionRun, getProfile, saveProfile, verifyAudit, onLedgerLocked, onDragDrop, onImportProgress,
  listTray, promoteMessage, saveAttachment, pickDocuments, newRequest,
  listSources, importSourcesPick, setColumnRole, removeSource, getPieces, findPieces, decidePieceRow,
  scanRedactions, decideRedaction, addRedaction, redactedPieces, exportPieces, onDataProgress,
  getVerification, setVerificationPoints, acceptPartialPoint, setVerificationStep, setOnBehalf,
  overrideVerificationLevel, markVerificationAsked, decideVerification,
  addEvidence, evidenceFile, checkEvidence,
  previewLetter, storedLetter, recordDelivery, getLetterTemplate, saveLetterTemplate,
  getDataMap, dataMapVersions, saveDataMap, getRecipientTasks, createRecipientTasks, markRecipientTask,
];

export function resetApi(): void {
  for (const fn of all) fn.mockReset();
  events.locked = null;
  events.drop = null;
  events.progress = null;
  events.dataProgress = null;
  cancelImport.mockResolvedValue(null);
  keepalive.mockResolvedValue(null);
  listRequests.mockResolvedValue([]);
  listTray.mockResolvedValue([]);
  pickDocuments.mockResolvedValue([]);
  onLedgerLocked.mockImplementation(async (cb) => {
    events.locked = cb;
    return () => {};
  });
  onDragDrop.mockImplementation(async (cb) => {
    events.drop = cb;
    return () => {};
  });
  onImportProgress.mockImplementation(async (cb) => {
    events.progress = cb;
    return () => {};
  });
  onDataProgress.mockImplementation(async (cb) => {
    events.dataProgress = cb;
    return () => {
      events.dataProgress = null;
    };
  });
  listSources.mockResolvedValue([]);
  previewLetter.mockResolvedValue(new ArrayBuffer(8));
  storedLetter.mockResolvedValue(new ArrayBuffer(8));
  getRecipientTasks.mockResolvedValue({ tasks: [], open: 0, applies: false });
  getLetterTemplate.mockImplementation(async (kind, lang) => {
    const body = `# ${kind} (${lang})\n`;
    return { kind, lang, version: 0, body, builtin: body, versions: [] };
  });
  dataMapVersions.mockResolvedValue([]);
}
