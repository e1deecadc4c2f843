// Letters: which languages a request's letters can be written in, what the
// officer may add to one, how an exported letter was sent, and the recipient
// tasks of a deletion or opt-out. The backend renders and still decides.
import type { LetterInfo } from './bindings/LetterInfo';
import type { LetterOptions } from './bindings/LetterOptions';
import type { RecipientTask } from './bindings/RecipientTask';
import type { Regime } from './bindings/Regime';
import type { RequestKind } from './bindings/RequestKind';
import { formatDate } from './format';
import { KIND_LABEL, type Delivery, type LetterKind, type LetterLang } from './labels';

/** Regimes whose requests may also be answered in German or French (EU and UK). */
const EUROPEAN: readonly Regime[] = ['gdpr', 'uk'];

/** The languages a request's letters can be written in: English and Spanish always, German and French in Europe. */
export function letterLanguages(regime: Regime): LetterLang[] {
  return EUROPEAN.includes(regime) ? ['en', 'es', 'de', 'fr'] : ['en', 'es'];
}

export type ReasonField = { label: string; hint: string };

/** The letters that say something in the officer's words, and how the field is put. */
const REASON_FIELD: Partial<Record<LetterKind, ReasonField>> = {
  denial: {
    label: 'Reason for the refusal',
    hint: 'Required in the letter. Left empty, the basis recorded when the request was closed is used.',
  },
  deletion_denied: {
    label: 'Reason the information is not deleted',
    hint: 'Required in the letter. Left empty, the basis recorded when the request was closed is used.',
  },
  deletion: {
    label: 'What was kept, and why (optional)',
    hint: 'Left empty, the letter says nothing was kept beyond the record of the request.',
  },
  correction: {
    label: 'Note on the correction',
    hint: 'Why the information was not corrected, or what was changed. A basis recorded when closing comes first.',
  },
};

/** The reason field a letter shows, or null when it takes none. */
export function reasonField(kind: LetterKind | ''): ReasonField | null {
  return kind ? (REASON_FIELD[kind] ?? null) : null;
}

/** What the letter composer holds: '' means "not chosen" for the kind and "as the request" for the language. */
export type LetterForm = { kind: LetterKind | ''; lang: LetterLang | ''; reason: string; task: number | null };

export const blankLetterForm = (): LetterForm => ({ kind: '', lang: '', reason: '', task: null });

/** The options sent with preview_letter and export_letter for what the composer holds. */
export function letterOptions(form: LetterForm): LetterOptions {
  return {
    lang: form.lang || null,
    reason: reasonField(form.kind) ? form.reason.trim() : '',
    task: form.kind === 'vendor_notice' ? form.task : null,
  };
}

const DELIVERY_PHRASE: Record<Delivery, string> = {
  email: 'Sent by email',
  post: 'Sent by post',
  account: 'Put in the requester’s account',
};

/** "Sent by email on 5 Jan 2026", or null while the letter's sending is not recorded. */
export function deliveryText(letter: Pick<LetterInfo, 'delivery' | 'delivered_on'>): string | null {
  if (!letter.delivery) return null;
  const phrase = DELIVERY_PHRASE[letter.delivery as Delivery] ?? `Sent (${letter.delivery})`;
  return letter.delivered_on ? `${phrase} on ${formatDate(letter.delivered_on)}` : phrase;
}

/** A template's version as the officer reads it: version 0 is the one shipped with the program. */
export function templateVersionText(version: number): string {
  return version === 0 ? 'built-in' : `version ${version}`;
}

/** The data map version a letter was written from. */
export function mapVersionText(version: number | null): string {
  return version === null ? '—' : `v${version}`;
}

/** close_request refused because recipients have not all confirmed: a reason lets it close anyway. */
export function tasksStillOpen(message: string): boolean {
  return /recipient task\(s\) (are|is) still open/.test(message);
}

/** What a recipient task carries out: "Deletion", "Opt-out of sale". */
export function taskActionLabel(action: string): string {
  return KIND_LABEL[action as RequestKind] ?? action;
}

export type TaskState = 'open' | 'sent' | 'confirmed';

export function taskState(task: Pick<RecipientTask, 'sent_on' | 'confirmed_on'>): TaskState {
  if (task.confirmed_on) return 'confirmed';
  return task.sent_on ? 'sent' : 'open';
}

export const TASK_STATE_LABEL: Record<TaskState, string> = {
  open: 'Not told yet',
  sent: 'Notice sent, waiting',
  confirmed: 'Confirmed',
};

/** What the preview shows: a letter as it would be exported now, or one exported earlier. */
export type PreviewSource = { letter: LetterKind; options: LetterOptions } | { stored: number };

/** Two previews of the same letter with the same options: no need to render again. */
export function samePreview(a: PreviewSource | null, b: PreviewSource | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
