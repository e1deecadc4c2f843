import type { ClockEventKind } from './bindings/ClockEventKind';
import type { FeeDecision } from './bindings/FeeDecision';
import type { Outcome } from './bindings/Outcome';
import type { PieceDecision } from './bindings/PieceDecision';
import type { RedactionType } from './bindings/RedactionType';
import type { Regime } from './bindings/Regime';
import type { RequestKind } from './bindings/RequestKind';
import type { Role } from './bindings/Role';
import type { Status } from './bindings/Status';

export const STATUS_LABEL: Record<Status, string> = {
  received: 'Received',
  acknowledged: 'Acknowledged',
  verifying: 'Verifying',
  in_progress: 'In progress',
  responded: 'Responded',
  denied: 'Denied',
  withdrawn: 'Withdrawn',
  closed: 'Closed',
};

export const KIND_LABEL: Record<RequestKind, string> = {
  access: 'Access',
  deletion: 'Deletion',
  correction: 'Correction',
  opt_out_sale: 'Opt-out of sale',
  opt_out_sharing: 'Opt-out of sharing',
  unsubscribe: 'Unsubscribe',
  portability: 'Portability',
  objection: 'Objection',
  appeal: 'Appeal',
  complaint: 'Complaint',
};

export const ALL_KINDS = Object.keys(KIND_LABEL) as RequestKind[];

/** Short names for dense places (list rows, tags). */
export const REGIME_SHORT: Record<Regime, string> = {
  ccpa: 'CCPA',
  gdpr: 'GDPR',
  uk: 'UK GDPR',
  us_va: 'Virginia',
  us_co: 'Colorado',
  us_ct: 'Connecticut',
  us_tx: 'Texas',
  us_or: 'Oregon',
  us_ut: 'Utah',
  policy: 'Policy',
};

export const REGIME_LABEL: Record<Regime, string> = {
  ccpa: 'CCPA / CPRA (California)',
  gdpr: 'GDPR (EU)',
  uk: 'UK GDPR',
  us_va: 'Virginia VCDPA',
  us_co: 'Colorado CPA',
  us_ct: 'Connecticut CTDPA',
  us_tx: 'Texas TDPSA',
  us_or: 'Oregon OCPA',
  us_ut: 'Utah UCPA',
  policy: 'Company policy only',
};

export const ALL_REGIMES = Object.keys(REGIME_LABEL) as Regime[];

/** How a request entered by hand reached the company (ManualRequest.channel). */
export type ManualChannel = 'phone' | 'post' | 'web' | 'in_person';

export const CHANNEL_LABEL: Record<ManualChannel, string> = {
  phone: 'Phone',
  post: 'Post',
  web: 'Web form',
  in_person: 'In person',
};

export const MANUAL_CHANNELS = Object.keys(CHANNEL_LABEL) as ManualChannel[];

const CHANNEL_PHRASE: Record<string, string> = {
  email: 'by email',
  phone: 'by phone',
  post: 'by post',
  web: 'through the website form',
  in_person: 'in person',
};

/** "by phone", "in person": how a request's channel reads in a sentence. */
export function channelPhrase(channel: string): string {
  return CHANNEL_PHRASE[channel] ?? `by ${channel}`;
}

/** The letters the backend renders (export_letter's and preview_letter's `kind`). */
export type LetterKind =
  | 'ack'
  | 'verification_request'
  | 'extension'
  | 'access'
  | 'deletion'
  | 'deletion_denied'
  | 'correction'
  | 'opt_out_sale'
  | 'opt_out_sharing'
  | 'denial'
  | 'fee_estimate'
  | 'twice_limit'
  | 'unable_to_verify'
  | 'abandoned'
  | 'vendor_notice';

export const LETTER_LABEL: Record<LetterKind, string> = {
  ack: 'Acknowledgement',
  verification_request: 'Verification request letter',
  extension: 'Extension notice',
  access: 'Access response',
  deletion: 'Deletion confirmation',
  deletion_denied: 'Deletion refusal',
  correction: 'Correction response',
  opt_out_sale: 'Opt-out of sale confirmation',
  opt_out_sharing: 'Opt-out of sharing confirmation',
  denial: 'Refusal letter',
  fee_estimate: 'Fee estimate',
  twice_limit: '“Already answered twice” letter',
  unable_to_verify: 'Unable-to-verify letter',
  abandoned: 'Closing letter (no answer)',
  vendor_notice: 'Notice to a recipient',
};

/** Every letter kind, in the backend's order. */
export const ALL_LETTER_KINDS = Object.keys(LETTER_LABEL) as LetterKind[];

export function letterLabel(kind: string): string {
  return LETTER_LABEL[kind as LetterKind] ?? kind;
}

/** What the template editor edits: a letter's body, or a part every letter shares. */
export type TemplateKind = LetterKind | '_letter' | '_route';

export const TEMPLATE_LABEL: Record<TemplateKind, string> = {
  ...LETTER_LABEL,
  _letter: 'Letter frame (letterhead, greeting, signature, footer)',
  _route: 'Appeal and complaint routes',
};

export const ALL_TEMPLATE_KINDS = Object.keys(TEMPLATE_LABEL) as TemplateKind[];

/** The languages letters are written in (LetterOptions.lang, LetterInfo.lang). */
export type LetterLang = 'en' | 'es' | 'de' | 'fr';

export const LANG_LABEL: Record<LetterLang, string> = {
  en: 'English',
  es: 'Spanish',
  de: 'German',
  fr: 'French',
};

export const ALL_LANGS = Object.keys(LANG_LABEL) as LetterLang[];

export function langLabel(lang: string): string {
  return LANG_LABEL[lang as LetterLang] ?? lang;
}

/** How a letter reached the requester (record_delivery's `via`). */
export type Delivery = 'email' | 'post' | 'account';

export const DELIVERY_LABEL: Record<Delivery, string> = {
  email: 'Email',
  post: 'Post',
  account: 'In the requester’s account',
};

export const ALL_DELIVERIES = Object.keys(DELIVERY_LABEL) as Delivery[];

/** Statuses that end the work on a request: applying one asks for confirmation first. */
export const FINAL_STATUS_EFFECT: Partial<Record<Status, string>> = {
  denied:
    'The request will be marked as denied: its clocks stop and it moves to Done. The requester still needs a letter explaining why.',
  withdrawn:
    'The request will be marked as withdrawn by the requester: its clocks stop and it moves to Done.',
  closed:
    'The request will be closed with each of its kinds recorded as withdrawn. Its record stays in the register for the retention period.',
};

/** How a kind ended, as the close form and the register say it. */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  complied: 'Complied',
  partial: 'Complied in part',
  denied: 'Denied',
  withdrawn: 'Withdrawn',
};

export const CLOCK_EVENT_LABEL: Record<ClockEventKind, string> = {
  paused: 'Paused',
  resumed: 'Resumed',
  extended: 'Extended',
};

export const FEE_DECISION_LABEL: Record<FeeDecision, string> = {
  proposed: 'Proposed, waiting for the requester',
  accepted: 'Accepted by the requester',
  declined: 'Declined by the requester',
};

/** The rights CCPA §7102 reports on (MetricsRow.right). */
export const RIGHT_LABEL: Record<string, string> = {
  know: 'Know (access, portability)',
  delete: 'Delete',
  correct: 'Correct',
  opt_out: 'Opt out of sale or sharing',
  limit: 'Limit use of sensitive data',
};

export function rightLabel(right: string): string {
  return RIGHT_LABEL[right] ?? right;
}

/** What a data source's column holds (Column.role), as the officer reads it. */
export const ROLE_LABEL: Record<Role, string> = {
  record_id: 'Record id',
  link_id: 'Link to a record',
  person_name: 'Person’s name',
  first_name: 'First name',
  last_name: 'Last name',
  other_person_name: 'Someone else’s name (owner, author)',
  email: 'Email',
  other_person_email: 'Someone else’s email',
  phone: 'Phone',
  other_person_phone: 'Someone else’s phone',
  company: 'Company',
  location: 'City / country',
  ip: 'IP address',
  visitor_id: 'Visitor / cookie id',
  timestamp: 'Date / time',
  free_text: 'Free text',
  other: 'Other',
};

export const ALL_ROLES = Object.keys(ROLE_LABEL) as Role[];

/** Kinds of redaction, in the backend's order. */
export const REDACTION_LABEL: Record<RedactionType, string> = {
  third_party_name: 'Third-party name',
  third_party_email: 'Third-party email',
  third_party_phone: 'Third-party phone',
  ip_of_other_person: 'IP of another person',
  ssn: 'SSN',
  card_number: 'Card number',
  drivers_license: 'Driver’s licence',
  password: 'Password / security answer',
  iban: 'Bank account (IBAN)',
  other: 'Other',
};

export const ALL_REDACTION_TYPES = Object.keys(REDACTION_LABEL) as RedactionType[];

/** A found row's decision ("confirmed") or a redaction's ("kept"). */
export const DECISION_LABEL: Record<PieceDecision, string> = {
  pending: 'Pending',
  confirmed: 'Confirmed',
  kept: 'Kept',
  rejected: 'Rejected',
};
