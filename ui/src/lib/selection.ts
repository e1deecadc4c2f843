// Where a DOM selection falls in a field's text, in characters (code points).
// The field is rendered as runs `<span data-cp="N">text</span>` (N: the run's
// first character), with labels and buttons between them that are not part of
// the value; only the runs count.
import { codePointLength, codePointOffset } from './textSegments';

export type CharRange = { start: number; end: number };

/** The part of `range` inside `root`'s text runs, or null when it covers none of it. */
export function rangeInRuns(root: Element, range: Range): CharRange | null {
  let start: number | null = null;
  let end: number | null = null;
  for (const run of root.querySelectorAll<HTMLElement>('[data-cp]')) {
    const node = run.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE || !range.intersectsNode(node)) continue;
    const text = (node as Text).data;
    const base = Number(run.dataset.cp);
    const from = node === range.startContainer ? codePointOffset(text, range.startOffset, 'floor') : 0;
    const to = node === range.endContainer ? codePointOffset(text, range.endOffset, 'ceil') : codePointLength(text);
    if (from >= to) continue;
    start ??= base + from;
    end = base + to;
  }
  return start !== null && end !== null && start < end ? { start, end } : null;
}

/** The window's current selection inside `root`, or null when nothing there is selected. */
export function selectedChars(root: Element, selection: Selection | null): CharRange | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  return rangeInRuns(root, selection.getRangeAt(0));
}
