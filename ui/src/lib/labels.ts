import type { ClockEventKind } from './bindings/ClockEventKind';
import type { FeeDecision } from './bindings/FeeDecision';
import type { Outcome } from './bindings/Outcome';
import type { Regime } from './bindings/Regime';
import type { RequestKind } from './bindings/RequestKind';
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

/** The letters the backend renders (export_letter's `kind`). */
export type LetterKind = 'ack' | 'extension' | 'twice' | 'fee';

export const LETTER_LABEL: Record<string, string> = {
  ack: 'Acknowledgement',
  extension: 'Extension notice',
  twice: '“Already answered twice” letter',
  fee: 'Fee estimate',
};

export function letterLabel(kind: string): string {
  return LETTER_LABEL[kind] ?? kind;
}

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
