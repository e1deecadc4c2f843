// One import at a time (the file picker or a drop), with what the progress panel
// shows while it runs. The desk owns one and hands the summary on.
import * as api from './api';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportSummary } from './bindings/ImportSummary';
import { errorMessage } from './errors';
import { showToast } from './toast.svelte';

export class ImportRun {
  importing = $state(false);
  /** The backend's last progress event. */
  progress = $state<ImportProgress | null>(null);
  /** How many files were dropped (null for the picker). */
  dropped = $state<number | null>(null);
  cancelling = $state(false);

  readonly #finished: (summary: ImportSummary) => Promise<void>;

  constructor(finished: (summary: ImportSummary) => Promise<void>) {
    this.#finished = finished;
  }

  /** An import-progress event; a late one after the import resolved must not bring the panel back. */
  heard(p: ImportProgress): void {
    if (this.importing) this.progress = p;
  }

  /** Runs one import; false when it did not start, failed or was cancelled in the picker. */
  async run(start: () => Promise<ImportSummary | null>, dropped: number | null = null): Promise<boolean> {
    if (this.importing) return false;
    this.importing = true;
    this.progress = null;
    this.cancelling = false;
    this.dropped = dropped;
    try {
      const summary = await start();
      // The summary replaces the progress panel before the list refreshes.
      this.importing = false;
      if (summary) await this.#finished(summary);
      return summary !== null;
    } catch (err) {
      showToast(errorMessage(err), 'error');
      return false;
    } finally {
      this.importing = false;
      this.progress = null;
      this.dropped = null;
      this.cancelling = false;
    }
  }

  /** Stops the running import after the file it is on. */
  async cancel(): Promise<void> {
    if (!this.importing || this.cancelling) return;
    this.cancelling = true;
    try {
      await api.cancelImport();
    } catch (err) {
      this.cancelling = false;
      showToast(errorMessage(err), 'error');
    }
  }
}
