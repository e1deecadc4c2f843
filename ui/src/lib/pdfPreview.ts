// The one module that uses pdf.js: a letter's PDF bytes drawn onto <canvas>
// elements. Components import `openPdf`, so under vitest it is replaced with
// `vi.mock('…/lib/pdfPreview')` (jsdom has no canvas).
//
// Nothing is fetched: the bytes come from the backend, eval is off, no CMaps,
// standard-font data or WebAssembly decoders are asked for. pdf.js itself is
// loaded on first use, so the window opens without it.
//
// The legacy build: pdf.js's modern build calls Map.prototype.getOrInsertComputed
// (and more that only the newest browsers have), which WebKitGTK 2.50 lacks; the
// legacy build carries what is missing.
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

/** An opened PDF: how many pages, and drawing one of them. */
export type PdfDocument = {
  pages: number;
  /** Draws page `n` (from 1) to fit `cssWidth` CSS pixels across, sharp on the screen's pixel ratio. */
  renderPage: (n: number, canvas: HTMLCanvasElement, cssWidth: number) => Promise<void>;
  /** Frees the document; drawing still under way stops. */
  destroy: () => Promise<void>;
};

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | null = null;

/**
 * A module worker from the app's own origin, handed to pdf.js as its port.
 * pdf.js would otherwise wrap a worker URL whose origin it cannot read (the
 * webview's tauri://localhost is opaque to the URL standard) in a blob: URL,
 * which the CSP does not allow for workers. Resolves to null when the worker
 * cannot start; pdf.js then parses on the main thread, which is slower but works.
 */
function startWorker(url: string): Promise<Worker | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(url, { type: 'module' });
    } catch {
      resolve(null);
      return;
    }
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      if (!ok) worker.terminate();
      resolve(ok ? worker : null);
    };
    // The pdf.js worker says "ready" once loaded; pdf.js does not need that message itself.
    const onMessage = () => settle(true);
    const onError = () => settle(false);
    const timer = setTimeout(() => settle(false), 10_000);
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
}

function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    const worker = await startWorker(workerUrl);
    if (worker) lib.GlobalWorkerOptions.workerPort = worker;
    return lib;
  })().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/** Opens a PDF from its bytes (they are handed over to pdf.js: do not use them afterwards). */
export async function openPdf(bytes: ArrayBuffer | Uint8Array): Promise<PdfDocument> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes),
    isEvalSupported: false,
    useWasm: false,
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: false,
  });
  const doc = await task.promise;
  return {
    pages: doc.numPages,
    async renderPage(n, canvas, cssWidth) {
      const page = await doc.getPage(n);
      const width = cssWidth > 0 ? cssWidth : 800;
      const scale = width / page.getViewport({ scale: 1 }).width;
      const ratio = Math.max(1, window.devicePixelRatio || 1);
      const viewport = page.getViewport({ scale: scale * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      await page.render({ canvas, viewport }).promise;
      page.cleanup();
    },
    destroy: () => task.destroy(),
  };
}
