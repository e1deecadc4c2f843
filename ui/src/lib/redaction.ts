// Redaction hits as the review groups them, and the reasons it suggests.
import type { RedactionType } from './bindings/RedactionType';
import type { StoredRedaction } from './bindings/StoredRedaction';
import { ALL_REDACTION_TYPES, REDACTION_LABEL } from './labels';

/** Items the law forbids disclosing even to their owner (11 CCR §7024(d)). */
export const NEVER_DISCLOSE: ReadonlySet<RedactionType> = new Set(['ssn', 'card_number', 'drivers_license', 'password', 'iban']);

/** Other people's data in the requester's rows (GDPR Art. 15(4)). */
export const THIRD_PARTY: ReadonlySet<RedactionType> = new Set([
  'third_party_name',
  'third_party_email',
  'third_party_phone',
  'ip_of_other_person',
]);

/** The reason offered for keeping a redaction of `kind`; empty when the officer must write one. */
export function keepReason(kind: RedactionType): string {
  if (NEVER_DISCLOSE.has(kind)) return '§7024(d)';
  if (THIRD_PARTY.has(kind)) return 'GDPR Art. 15(4)';
  return '';
}

/** The redactions in one field of one row. */
export function hitsIn(all: StoredRedaction[], source: string, number: number, field: string): StoredRedaction[] {
  return all.filter((x) => x.source === source && x.number === number && x.field === field);
}

export type TypeCount = { kind: RedactionType; total: number; pending: number; kept: number; rejected: number };

/** How many redactions of each type there are, and how each stands; types without any are left out. */
export function countByType(all: StoredRedaction[]): TypeCount[] {
  return ALL_REDACTION_TYPES.map((kind) => {
    const of = all.filter((x) => x.kind === kind);
    const n = (d: string) => of.filter((x) => x.decision === d).length;
    return { kind, total: of.length, pending: n('pending'), kept: n('kept'), rejected: n('rejected') };
  }).filter((c) => c.total > 0);
}

/** The colour family of a type's marks (the type's name is always written beside them). */
export function markFamily(kind: RedactionType): 'third' | 'never' | 'other' {
  return NEVER_DISCLOSE.has(kind) ? 'never' : THIRD_PARTY.has(kind) ? 'third' : 'other';
}

/** What stands in for a never-disclose value outside the redaction review. */
export function hiddenMark(kind: RedactionType): string {
  return `[${REDACTION_LABEL[kind]} hidden — see Redaction]`;
}
