import type { DataMap } from '../lib/bindings/DataMap';
import type { DataMapVersion } from '../lib/bindings/DataMapVersion';
import type { LedgerInfo } from '../lib/bindings/LedgerInfo';
import type { LetterInfo } from '../lib/bindings/LetterInfo';
import type { RecipientTask } from '../lib/bindings/RecipientTask';
import type { TemplateView } from '../lib/bindings/TemplateView';
import type { PieceRow } from '../lib/bindings/PieceRow';
import type { PiecesView } from '../lib/bindings/PiecesView';
import type { RedactionType } from '../lib/bindings/RedactionType';
import type { RequestDetail } from '../lib/bindings/RequestDetail';
import type { RequestSummary } from '../lib/bindings/RequestSummary';
import type { SourceInfo } from '../lib/bindings/SourceInfo';
import type { StoredRedaction } from '../lib/bindings/StoredRedaction';
import type { VerificationRecord } from '../lib/bindings/VerificationRecord';
import type { VerificationView } from '../lib/bindings/VerificationView';

export const NO_LEDGER: LedgerInfo = { path: '/home/o/Rightsdesk/rightsdesk.ledger', exists: false, unlocked: false, demo: false };
export const LOCKED: LedgerInfo = { ...NO_LEDGER, exists: true };
export const UNLOCKED: LedgerInfo = { ...NO_LEDGER, exists: true, unlocked: true };

export function summary(over: Partial<RequestSummary> = {}): RequestSummary {
  return {
    reference: '2026-0001',
    received_at: '2026-01-02T10:00:00Z',
    received_date: '2026-01-02',
    requester_name: 'Margaret Okafor',
    requester_email: 'm.okafor@example.com',
    kinds: ['access'],
    regime: 'ccpa',
    status: 'received',
    due: {
      acknowledge_by: '2026-01-12',
      respond_by: '2026-02-16',
      extended_respond_by: null,
      extension_notice_by: '2026-02-16',
      opt_out_effective_by: null,
      appeal_respond_by: null,
    },
    next_due: { label: 'respond', date: '2026-02-16', days_left: 30 },
    ...over,
  };
}

/** A request; unless `over` gives a thread, its first message is the request's own email. */
export function detail(s: RequestSummary, over: Partial<RequestDetail> = {}): RequestDetail {
  const d: RequestDetail = {
    summary: s,
    postal_address: '1 Main St\nSpringfield',
    subject: `Privacy request from ${s.requester_name}`,
    from: `${s.requester_name} <${s.requester_email}>`,
    message_id: '<abc@example.com>',
    body_text: 'Please send me a copy of my data.',
    allowed_next: ['acknowledged', 'denied', 'withdrawn'],
    clock: [],
    outcomes: [],
    channel: 'email',
    responded_on: null,
    closed_on: null,
    frequency: null,
    fee: null,
    purged_on: null,
    timeline: [
      { seq: 1, at: '2026-01-02T10:00:01Z', actor: 'officer', action: 'request.imported', reference: s.reference, detail: 'from okafor.eml' },
    ],
    letters: [],
    thread: [],
    ...over,
  };
  if (!over.thread) {
    d.thread = [
      { id: 1, from: d.from, subject: d.subject, received_at: s.received_at, body_text: d.body_text, attachments: [], evidence: [] },
    ];
  }
  return d;
}

/** Three requests: one overdue, one due in 3 days, one with time to spare. */
export const OVERDUE = summary({
  reference: '2026-0001',
  requester_name: 'Margaret Okafor',
  next_due: { label: 'acknowledge', date: '2026-01-12', days_left: -3 },
});
export const SOON = summary({
  reference: '2026-0002',
  requester_name: 'Tomás Ruiz',
  requester_email: 'tomas@example.org',
  kinds: ['deletion', 'opt_out_sale'],
  regime: 'us_va',
  status: 'in_progress',
  next_due: { label: 'respond', date: '2026-01-18', days_left: 3 },
});
export const LATER = summary({
  reference: '2026-0003',
  requester_name: 'Aiko Tanaka',
  requester_email: 'aiko@example.net',
  kinds: ['correction'],
  regime: 'gdpr',
  status: 'acknowledged',
  next_due: { label: 'respond', date: '2026-02-20', days_left: 36 },
});
export const LIST = [OVERDUE, SOON, LATER];

// Data sources and the specific pieces of OVERDUE (2026-0001).
export const CRM: SourceInfo = {
  name: 'crm_contacts',
  file_name: 'crm_contacts.csv',
  imported_at: '2026-01-10T09:00:00Z',
  columns: [
    { name: 'id', role: 'record_id' },
    { name: 'Name', role: 'person_name' },
    { name: 'Email', role: 'email' },
    { name: 'Owner', role: 'other_person_name' },
    { name: 'Notes', role: 'free_text' },
  ],
  row_count: 1250,
  problems: [
    { file: 'crm_contacts.csv', line: 17n, what: '3 fields, expected 5' },
    { file: 'crm_contacts.csv', line: 204n, what: 'unclosed quote' },
  ],
};

export const WEB: SourceInfo = {
  name: 'web_orders',
  file_name: 'web_orders.jsonl',
  imported_at: '2026-01-11T15:30:00Z',
  columns: [
    { name: 'order_id', role: 'record_id' },
    { name: 'email', role: 'email' },
    { name: 'card', role: 'other' },
    { name: 'ip', role: 'ip' },
  ],
  row_count: 40,
  problems: [],
};

/** "😀" is one character but two UTF-16 units: offsets after it differ between the two counts. */
export const NOTES = 'Called 😀 Jane Roe about renewal; SSN 123-45-6789';

function found(source: SourceInfo, number: number, rowId: string, score: number, why: string, values: string[]): PieceRow {
  return {
    found: { source: source.name, number, row_id: rowId, score, why, decision: 'pending', reason: '' },
    columns: source.columns.map((c) => c.name),
    values,
  };
}

export const FOUND_ROWS: PieceRow[] = [
  found(CRM, 3, 'C-103', 0.96, 'email matches exactly; name matches', ['C-103', 'Margaret Okafor', 'm.okafor@example.com', 'Jane Roe', NOTES]),
  found(CRM, 9, 'C-109', 0.62, 'name is similar (Maggie Okafor)', ['C-109', 'Maggie Okafor', 'maggie@other.example', 'Tom Lee', '']),
  found(WEB, 1, 'W-1', 0.88, 'email matches exactly', ['W-1', 'm.okafor@example.com', '4111 1111 1111 1111', '203.0.113.9']),
];

function hit(id: number, row: PieceRow, field: string, start: number, end: number, kind: RedactionType, detector: string, explanation: string): StoredRedaction {
  const value = row.values[row.columns.indexOf(field)];
  return {
    id,
    source: row.found.source,
    number: row.found.number,
    row_id: row.found.row_id,
    field,
    start,
    end,
    text: Array.from(value).slice(start, end).join(''),
    kind,
    detector,
    score: kind === 'third_party_name' ? 0.95 : 1,
    explanation,
    decision: 'pending',
    reason: '',
  };
}

export const REDACTIONS: StoredRedaction[] = [
  hit(1, FOUND_ROWS[0], 'Owner', 0, 8, 'third_party_name', 'known_people', 'Jane Roe is in an “other person” column (Owner)'),
  hit(2, FOUND_ROWS[0], 'Notes', 9, 17, 'third_party_name', 'known_people', 'Jane Roe is a known other person'),
  hit(3, FOUND_ROWS[0], 'Notes', 37, 48, 'ssn', 'pattern', 'looks like a US Social Security number'),
  hit(4, FOUND_ROWS[2], 'card', 0, 19, 'card_number', 'pattern', 'a card number (passes the Luhn check)'),
];

export function pieces(over: Partial<PiecesView> = {}): PiecesView {
  return {
    identifiers: { names: ['Margaret Okafor'], emails: ['m.okafor@example.com'], phones: [], company: null, location: null },
    since: '2025-01-02',
    rows: [],
    redactions: [],
    ...structuredClone(over),
  };
}

/** A request's verification: two points needed, nothing offered or done yet. */
export function verification(over: Partial<VerificationView> = {}, record: Partial<VerificationRecord> = {}): VerificationView {
  return {
    plan: {
      level: 'two_points',
      basis: 'CCPA §7062: a request to know categories needs two data points matched against data held.',
      steps: ['points'],
      either: [],
      pause_allowed: false,
    },
    record: {
      on_behalf: null,
      sensitive: false,
      level_override: null,
      override_reason: '',
      points: [],
      accepted_partial: [],
      steps_done: [],
      asked_on: null,
      outcome: null,
      outcome_reason: '',
      decided_on: null,
      ...record,
    },
    matches: [],
    points_counted: 0,
    reached: false,
    abandon_on: null,
    abandon_due: false,
    evidence: [],
    same_agent: [],
    ...over,
  };
}

/** A letter kept in the ledger: the acknowledgement, in English, not yet recorded as sent. */
export function letter(over: Partial<LetterInfo> = {}): LetterInfo {
  return {
    id: 7,
    kind: 'ack',
    created_at: '2026-01-05T09:00:00Z',
    sha256: 'f00d'.repeat(16),
    file_name: 'ack.pdf',
    lang: 'en',
    data_map_version: 2,
    template_version: 0,
    delivery: null,
    delivered_on: null,
    ...over,
  };
}

export function task(over: Partial<RecipientTask> = {}): RecipientTask {
  return {
    id: 1,
    recipient_id: 'google_analytics',
    recipient: 'Google Analytics',
    action: 'deletion',
    created_at: '2026-01-15T10:00:00Z',
    sent_on: null,
    confirmed_on: null,
    ...over,
  };
}

const text = (en: string, es = ''): Record<string, string> => (es ? { en, es } : { en });

/** A small data map: three categories, two recipients, a few roles mapped. */
export const DATA_MAP: DataMap = {
  note: 'Seeded from the privacy policy.',
  categories: [
    {
      id: 'identifiers',
      label: text('Identifiers', 'Identificadores'),
      examples: text('name, account number, IP address', 'nombre, número de cuenta, dirección IP'),
      sources: ['website_users'],
      purposes: ['operate'],
      retention: text('as long as the purposes need it'),
      sold: true,
      disclosed: true,
    },
    {
      id: 'contact_details',
      label: text('Business contact details'),
      examples: text('business email, phone'),
      sources: ['website_users'],
      purposes: ['operate'],
      retention: text('as long as the purposes need it'),
      sold: false,
      disclosed: true,
    },
    {
      id: 'inferences',
      label: text('Inferences'),
      examples: text('scores'),
      sources: [],
      purposes: [],
      retention: text('12 months'),
      sold: false,
      disclosed: false,
    },
  ],
  sources: [{ id: 'website_users', label: text('you, through our website') }],
  purposes: [{ id: 'operate', label: text('to run our services') }],
  recipient_kinds: [
    { id: 'service_provider', label: text('service providers') },
    { id: 'data_partner', label: text('data partners') },
  ],
  safeguards: [
    { id: 'dpf', label: text('the EU-US Data Privacy Framework') },
    { id: 'scc', label: text('standard contractual clauses') },
  ],
  recipients: [
    {
      id: 'google_analytics',
      name: 'Google Analytics',
      kind: 'service_provider',
      purpose: 'Analytics',
      country: 'US',
      safeguard: 'dpf',
      contact: 'Google LLC, Mountain View',
      disclosed: ['identifiers'],
      sold: [],
    },
    {
      id: 'zoominfo',
      name: 'ZoomInfo',
      kind: 'data_partner',
      purpose: 'Enrichment',
      country: 'US',
      safeguard: '',
      contact: 'privacy@zoominfo.example',
      disclosed: ['identifiers', 'contact_details'],
      sold: ['identifiers'],
    },
  ],
  role_categories: { email: 'contact_details', person_name: 'identifiers', other: 'inferences' },
  column_categories: {},
  automated_decisions: text('We make no decisions based solely on automated processing.', 'No tomamos decisiones automatizadas.'),
};

export function mapVersion(over: Partial<DataMapVersion> = {}): DataMapVersion {
  return {
    version: 2,
    created_at: '2026-01-10T09:00:00Z',
    actor: 'officer',
    note: 'Added ZoomInfo',
    map: structuredClone(DATA_MAP),
    ...over,
  };
}

/** The built-in acknowledgement template in English, never edited. */
export function template(over: Partial<TemplateView> = {}): TemplateView {
  const body = '{% extends "_letter" %}\n{% block heading %}We received your request{% endblock %}\n';
  return { kind: 'ack', lang: 'en', version: 0, body, builtin: body, versions: [], ...over };
}
