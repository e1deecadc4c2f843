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

export const LETTER_LABEL: Record<string, string> = {
  ack: 'Acknowledgement',
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
  closed: 'The request will be closed: no further work is expected, its clocks stop and it moves to Done.',
};
