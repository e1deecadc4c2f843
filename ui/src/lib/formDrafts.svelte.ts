// Half-filled forms of the request view (clock, close, fee), keyed by
// "<reference>:<form>", so switching requests loses no typed work. The request
// edit has its own store (drafts.ts). Cleared when the ledger locks.
export const formDrafts = new Map<string, unknown>();

/**
 * A form's state, restored from an earlier visit if there is one, and kept in
 * `formDrafts` whenever it differs from `blank()`. Call during component set-up.
 */
export function keptDraft<T extends object>(key: string, blank: () => T): T {
  const saved = formDrafts.get(key) as T | undefined;
  const form = $state<T>(saved ? structuredClone(saved) : blank());
  const empty = JSON.stringify(blank());
  $effect(() => {
    const snapshot = $state.snapshot(form) as T;
    if (JSON.stringify(snapshot) === empty) formDrafts.delete(key);
    else formDrafts.set(key, snapshot);
  });
  return form;
}

/** Puts a kept form back to its blank state (after it was submitted). */
export function resetDraft<T extends object>(form: T, blank: () => T): void {
  Object.assign(form, blank());
}
