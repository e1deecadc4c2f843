import { afterEach } from 'vitest';
import { drafts } from '../lib/drafts';
import { formDrafts } from '../lib/formDrafts.svelte';
import { clearToast } from '../lib/toast.svelte';

// Module-level stores outlive a test's DOM: start every test clean.
afterEach(() => {
  drafts.clear();
  formDrafts.clear();
  clearToast();
});

// axe-core probes <canvas> for icon fonts; jsdom has no canvas, and says so loudly.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
