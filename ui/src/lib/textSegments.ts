// Text cut at character offsets. The backend counts characters as Unicode code
// points (Rust `chars()`); the DOM and JS strings count UTF-16 units. An emoji
// or a rare CJK character is one of the first and two of the second, so every
// offset that crosses the boundary goes through here.

/** How many characters (code points) `text` has. */
export function codePointLength(text: string): number {
  return Array.from(text).length;
}

/**
 * The character offset for a UTF-16 offset into `text`. An offset that falls
 * inside a surrogate pair rounds down ('floor', for a start) or up ('ceil',
 * for an end), so a selection never takes half a character.
 */
export function codePointOffset(text: string, utf16: number, round: 'floor' | 'ceil'): number {
  let points = 0;
  let units = 0;
  for (const ch of text) {
    const next = units + ch.length;
    if (next <= utf16) {
      points++;
      units = next;
      continue;
    }
    if (units < utf16 && round === 'ceil') points++;
    break;
  }
  return points;
}

/** The UTF-16 offset of character `points` in `text` (clamped to its end). */
export function utf16Offset(text: string, points: number): number {
  return Array.from(text).slice(0, Math.max(0, points)).join('').length;
}

/** Characters `start..end` of `text`. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** A stretch of characters to mark (a redaction hit): `start..end` in code points. */
export type Span = { start: number; end: number };

/** One run of text that the same spans cover. */
export type Segment<S extends Span> = {
  /** Offsets in characters (code points) of the whole text. */
  start: number;
  end: number;
  text: string;
  /** The spans covering this run, innermost (shortest) first; empty for plain text. */
  spans: S[];
  /** The spans that end with this run: where their label goes. */
  ending: S[];
};

/**
 * Cuts `text` at every span's start and end, so overlapping and nested spans
 * each get their own runs. Spans outside the text are clipped; empty ones are
 * dropped. The runs' texts joined give back `text`.
 */
export function segmentText<S extends Span>(text: string, spans: S[]): Segment<S>[] {
  const chars = Array.from(text);
  const n = chars.length;
  const clip = (x: number) => Math.min(n, Math.max(0, x));
  const valid = spans.filter((s) => clip(s.start) < clip(s.end));
  const cuts = [...new Set([0, n, ...valid.flatMap((s) => [clip(s.start), clip(s.end)])])].sort((a, b) => a - b);
  const segments: Segment<S>[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const covering = valid
      .filter((s) => clip(s.start) <= start && clip(s.end) >= end)
      .sort((a, b) => clip(a.end) - clip(a.start) - (clip(b.end) - clip(b.start)));
    segments.push({
      start,
      end,
      text: chars.slice(start, end).join(''),
      spans: covering,
      ending: covering.filter((s) => clip(s.end) === end),
    });
  }
  return segments;
}

/** `text` with each span's characters replaced by `mask(span)`; overlapping spans are masked once. */
export function maskSpans<S extends Span>(text: string, spans: S[], mask: (span: S) => string): string {
  return segmentText(text, spans)
    .map((seg, i, all) => {
      if (!seg.spans.length) return seg.text;
      // The outermost span names the mask; a run continuing the same span adds nothing.
      const outer = seg.spans[seg.spans.length - 1];
      const prev = all[i - 1];
      return prev && prev.spans.includes(outer) ? '' : mask(outer);
    })
    .join('');
}

/**
 * Where `text` is in `value`, in characters: at `start..end` when those hold
 * exactly `text` (a selection), else its first occurrence (typed by hand);
 * null when it is not there.
 */
export function locateText(value: string, text: string, start: number | null, end: number | null): Span | null {
  if (!text) return null;
  if (start !== null && end !== null && start < end && sliceCodePoints(value, start, end) === text) return { start, end };
  const at = value.indexOf(text);
  if (at < 0) return null;
  const from = codePointOffset(value, at, 'floor');
  return { start: from, end: from + codePointLength(text) };
}
