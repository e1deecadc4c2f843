// Verification: the words for levels, steps, data points and outcomes, and the
// small rules the Verification tab shows (how many points the level needs,
// which steps are ticked, which are alternatives).
import type { DataPoint } from './bindings/DataPoint';
import type { EvidenceKind } from './bindings/EvidenceKind';
import type { Level } from './bindings/Level';
import type { MatchStatus } from './bindings/MatchStatus';
import type { OnBehalf } from './bindings/OnBehalf';
import type { Plan } from './bindings/Plan';
import type { PointKind } from './bindings/PointKind';
import type { StepId } from './bindings/StepId';
import type { VerificationOutcome } from './bindings/VerificationOutcome';

export const LEVEL_LABEL: Record<Level, string> = {
  none: 'No verification — do not ask for ID',
  two_points: '2 matching data points',
  proportionate: 'Proportionate (GDPR Art. 12(6))',
  three_points_declaration: '3 matching data points + signed declaration',
};

export const ALL_LEVELS = Object.keys(LEVEL_LABEL) as Level[];

export const STEP_LABEL: Record<StepId, string> = {
  points: 'Data points matched against data held',
  declaration: 'Signed declaration under penalty of perjury',
  known_address: 'Request came from an address already held for the person',
  doubt_resolved: 'Asked for what resolves the doubt, and received it',
  agent_permission: 'Signed permission from the consumer for the agent',
  consumer_confirms: 'Consumer confirmed the request directly',
  power_of_attorney: 'Power of attorney',
  parental_authority: 'Proof of parental authority over the child',
};

/** The reason offered when a step is ticked (the officer may change it). */
export const STEP_DONE_REASON: Record<StepId, string> = {
  points: 'data points matched',
  declaration: 'declaration received',
  known_address: 'came from the address on file',
  doubt_resolved: 'asked for it and received it',
  agent_permission: 'signed permission received',
  consumer_confirms: 'consumer confirmed directly',
  power_of_attorney: 'power of attorney received',
  parental_authority: 'proof of parental authority received',
};

/** The reason offered when a ticked step is unticked. */
export const STEP_UNDONE_REASON = 'ticked by mistake';

export const POINT_KIND_LABEL: Record<PointKind, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  postal_address: 'Postal address',
  company: 'Company',
  job_title: 'Job title',
  account_id: 'Account id',
  interaction: 'Recent interaction',
};

export const ALL_POINT_KINDS = Object.keys(POINT_KIND_LABEL) as PointKind[];

export const MATCH_LABEL: Record<MatchStatus, string> = {
  matched: 'Matched',
  partial: 'Partial match',
  unmatched: 'No match',
  not_counted: 'Not counted',
};

export const VERIFICATION_OUTCOME_LABEL: Record<VerificationOutcome, string> = {
  verified: 'Verified',
  partly_verified: 'Partly verified — categories only',
  not_verified: 'Not verified',
  abandoned: 'Abandoned — no answer',
};

export const EVIDENCE_KIND_LABEL: Record<EvidenceKind, string> = {
  id_scan: 'ID scan',
  declaration: 'Signed declaration',
  agent_permission: 'Agent’s signed permission',
  power_of_attorney: 'Power of attorney',
  parental_authority: 'Proof of parental authority',
  other: 'Other',
};

export const ALL_EVIDENCE_KINDS = Object.keys(EVIDENCE_KIND_LABEL) as EvidenceKind[];

/** How a piece of evidence is shown in the app: inline as an image, in a sandboxed frame as a PDF, or not at all. */
export function evidenceDisplay(mime: string): 'image' | 'pdf' | null {
  if (mime.startsWith('image/')) return 'image';
  if (mime === 'application/pdf') return 'pdf';
  return null;
}

/** Who the request is for; '' is the requester themself. */
export type Behalf = OnBehalf | '';

export const BEHALF_LABEL: Record<Behalf, string> = {
  '': 'Themself',
  agent: 'Someone else, through an authorised agent',
  parent: 'A child, through a parent or guardian',
};

export const ALL_BEHALF = Object.keys(BEHALF_LABEL) as Behalf[];

/** How many matching points a level needs; null when it sets no count. */
export function pointsNeeded(level: Level): number | null {
  if (level === 'two_points') return 2;
  if (level === 'three_points_declaration') return 3;
  return null;
}

/** "1 of 2 matched", or "1 matched" when the level sets no count. */
export function pointsText(counted: number, level: Level): string {
  const needed = pointsNeeded(level);
  return needed === null ? `${counted} matched` : `${counted} of ${needed} matched`;
}

/** One line of the checklist: a step, or an alternative to some (shown as "or: …"). */
export type StepRow = { step: StepId; alternative: boolean; label: string };

/** The checklist of a plan, in order: its steps, then what may replace them. */
export function checklist(plan: Plan): StepRow[] {
  if (plan.level === 'none') return [];
  const rows: StepRow[] = [];
  for (const step of plan.steps) {
    rows.push({ step, alternative: false, label: STEP_LABEL[step] });
    // A proportionate check: an address already held, or asking for what resolves the doubt.
    if (step === 'known_address' && plan.level === 'proportionate' && !plan.steps.includes('doubt_resolved')) {
      rows.push({ step: 'doubt_resolved', alternative: true, label: `or: ${STEP_LABEL.doubt_resolved}` });
    }
  }
  for (const step of plan.either) {
    if (plan.steps.includes(step) || rows.some((r) => r.step === step)) continue;
    const replaces = step === 'power_of_attorney' ? ' (replaces the two agent steps)' : '';
    rows.push({ step, alternative: true, label: `or: ${STEP_LABEL[step]}${replaces}` });
  }
  return rows;
}

/** An empty line of the data-point form. */
export const blankPoint = (): DataPoint => ({ kind: 'name', value: '', to_correct: false });

/** The points worth saving: values trimmed, empty lines left out. */
export function pointsToSave(points: DataPoint[]): DataPoint[] {
  return points.map((p) => ({ ...p, value: p.value.trim() })).filter((p) => p.value !== '');
}

/** "crm_contacts · C-103 · Email = m.okafor@example.com": where a point matched, or '' if nowhere. */
export function matchPlace(m: { source: string | null; row_id: string | null; field: string | null; held: string | null }): string {
  const parts = [m.source, m.row_id, m.field && m.held !== null ? `${m.field} = ${m.held}` : m.field].filter(
    (x): x is string => !!x,
  );
  return parts.join(' · ');
}
