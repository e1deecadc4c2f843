// The data map screen's editing: the officer works on a copy of the loaded map,
// in English; texts in other languages are kept as they are. The backend checks
// the whole map again when it is saved.
import type { Category } from './bindings/Category';
import type { DataMap } from './bindings/DataMap';
import type { Recipient } from './bindings/Recipient';
import type { Role } from './bindings/Role';
import { ALL_LANGS, ALL_ROLES } from './labels';

/** A text in several languages (label, examples, retention…). */
export type Text = Record<string, string>;

/** A copy to edit: changing it never touches the map it came from. */
export function editCopy(map: DataMap): DataMap {
  return structuredClone(map);
}

/** The English of a text ('' when it has none). */
export function english(t: Text): string {
  return t.en ?? '';
}

/** The other languages a text has, in the letters' order (es, de, fr, then any other), empty ones left out. */
export function otherLanguages(t: Text): [string, string][] {
  const rank = (lang: string) => {
    const i = ALL_LANGS.indexOf(lang as (typeof ALL_LANGS)[number]);
    return i < 0 ? ALL_LANGS.length : i;
  };
  return Object.entries(t)
    .filter(([lang, value]) => lang !== 'en' && value.trim() !== '')
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** JSON with object keys sorted, so two maps compare by content, not by key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sameMap(a: DataMap, b: DataMap): boolean {
  return canonical(a) === canonical(b);
}

/** An id made from a name ("Google Analytics" → "google_analytics"), unlike any taken. */
export function newId(name: string, taken: readonly string[], fallback: string): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || fallback;
  if (!taken.includes(base)) return base;
  let n = 2;
  while (taken.includes(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/** Adds a recipient by name, of the map's first kind; its new id. */
export function addRecipient(map: DataMap, name: string): string {
  const id = newId(
    name,
    map.recipients.map((r) => r.id),
    'recipient',
  );
  const r: Recipient = {
    id,
    name: name.trim(),
    kind: map.recipient_kinds[0]?.id ?? '',
    purpose: '',
    country: '',
    safeguard: '',
    contact: '',
    disclosed: [],
    sold: [],
  };
  map.recipients.push(r);
  return id;
}

export function removeRecipient(map: DataMap, id: string): void {
  map.recipients = map.recipients.filter((r) => r.id !== id);
}

/** Adds a category by its English label, neither sold nor disclosed; its new id. */
export function addCategory(map: DataMap, label: string): string {
  const id = newId(
    label,
    map.categories.map((c) => c.id),
    'category',
  );
  const c: Category = {
    id,
    label: { en: label.trim() },
    examples: { en: '' },
    sources: [],
    purposes: [],
    retention: { en: '' },
    sold: false,
    disclosed: false,
  };
  map.categories.push(c);
  return id;
}

/** Removes a category and every reference to it: recipients' lists, role and column mappings. */
export function removeCategory(map: DataMap, id: string): void {
  map.categories = map.categories.filter((c) => c.id !== id);
  for (const r of map.recipients) {
    r.disclosed = r.disclosed.filter((c) => c !== id);
    r.sold = r.sold.filter((c) => c !== id);
  }
  for (const table of [map.role_categories, map.column_categories]) {
    for (const [key, value] of Object.entries(table)) if (value === id) delete table[key];
  }
}

/** `list` with `id` in or out, in the order of `order` (the map's categories); ids not in `order` stay at the end. */
export function setMember(list: readonly string[], id: string, on: boolean, order: readonly string[]): string[] {
  const wanted = new Set(list);
  if (on) wanted.add(id);
  else wanted.delete(id);
  const known = order.filter((x) => wanted.has(x));
  const rest = [...wanted].filter((x) => !order.includes(x));
  return [...known, ...rest];
}

/** Roles whose columns can hold the person's data: someone else's name, email or phone never maps to a category. */
export const MAPPABLE_ROLES: Role[] = ALL_ROLES.filter((r) => !r.startsWith('other_person_'));

/** Maps a column role to a category, or ('') to none. */
export function setRoleCategory(map: DataMap, role: Role, category: string): void {
  if (category) map.role_categories[role] = category;
  else delete map.role_categories[role];
}

/** What stops the map from being saved, said before asking the backend (which checks everything again). */
export function mapProblem(map: DataMap, note: string): string | null {
  const unnamed = map.categories.find((c) => !english(c.label).trim());
  if (unnamed) return `The category “${unnamed.id}” needs an English label.`;
  const nameless = map.recipients.find((r) => !r.name.trim());
  if (nameless) return `The recipient “${nameless.id}” needs a name.`;
  if (!note.trim()) return 'Say what changed in this version: the note is kept with it.';
  return null;
}
