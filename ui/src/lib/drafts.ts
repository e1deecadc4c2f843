import { SvelteMap } from 'svelte/reactivity';
import type { RequestEdit } from './bindings/RequestEdit';

// Half-typed edits, keyed by request reference, so switching requests never loses
// work. Reactive, so the list can mark requests with unsaved changes. Cleared when
// the ledger locks: no request data stays in memory behind the unlock screen.
export const drafts = new SvelteMap<string, RequestEdit>();

export function sameEdit(a: RequestEdit, b: RequestEdit): boolean {
  return (
    a.requester_name === b.requester_name &&
    a.postal_address === b.postal_address &&
    a.regime === b.regime &&
    a.kinds.length === b.kinds.length &&
    a.kinds.every((k) => b.kinds.includes(k))
  );
}
