// One import of data exports at a time, with what its progress bar shows. The
// desk owns one, so an import keeps running (and reporting) while the officer
// looks at a request, and its summary is there on coming back.
import * as api from './api';
import type { DataImportSummary } from './bindings/DataImportSummary';
import type { DataProgress } from './bindings/DataProgress';
import { errorMessage } from './errors';
import { showToast } from './toast.svelte';

export class DataImportRun {
  importing = $state(false);
  /** The backend's last data-progress event; null while the file dialog is open. */
  progress = $state<DataProgress | null>(null);
  cancelling = $state(false);
  /** The last import's summary, until dismissed. */
  summary = $state<DataImportSummary | null>(null);

  /** Picks and imports exports; the summary, or null when the dialog was cancelled or the import failed. */
  async run(): Promise<DataImportSummary | null> {
    if (this.importing) return null;
    this.importing = true;
    this.progress = null;
    this.cancelling = false;
    let stopListening: api.Unlisten | undefined;
    try {
      stopListening = await api.onDataProgress((p) => {
        if (this.importing) this.progress = p;
      });
      const summary = await api.importSourcesPick();
      if (summary) this.summary = summary;
      return summary;
    } catch (err) {
      showToast(errorMessage(err), 'error');
      return null;
    } finally {
      stopListening?.();
      this.importing = false;
      this.progress = null;
      this.cancelling = false;
    }
  }

  /** Stops the running import; it still resolves with what it imported. */
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

  dismiss(): void {
    this.summary = null;
  }
}
