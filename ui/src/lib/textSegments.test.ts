import { describe, expect, it } from 'vitest';
import { codePointLength, codePointOffset, locateText, maskSpans, segmentText, sliceCodePoints, utf16Offset } from './textSegments';

// "😀" is one character (code point) but two UTF-16 units.
const EMOJI = 'Hi 😀 Jane Roe';

describe('code points', () => {
  it('counts characters, not UTF-16 units', () => {
    expect(EMOJI.length).toBe(14);
    expect(codePointLength(EMOJI)).toBe(13);
    expect(codePointLength('')).toBe(0);
  });

  it('turns a UTF-16 offset into a character offset', () => {
    // "Jane" starts at UTF-16 unit 6, character 5.
    expect(EMOJI.indexOf('Jane')).toBe(6);
    expect(codePointOffset(EMOJI, 6, 'floor')).toBe(5);
    expect(codePointOffset(EMOJI, 6, 'ceil')).toBe(5);
    expect(codePointOffset(EMOJI, 0, 'floor')).toBe(0);
    expect(codePointOffset(EMOJI, EMOJI.length, 'ceil')).toBe(13);
  });

  it('never cuts a character in half: inside a surrogate pair, start rounds down and end rounds up', () => {
    expect(codePointOffset(EMOJI, 4, 'floor')).toBe(3);
    expect(codePointOffset(EMOJI, 4, 'ceil')).toBe(4);
  });

  it('goes back from characters to UTF-16 units, and slices by characters', () => {
    expect(utf16Offset(EMOJI, 5)).toBe(6);
    expect(utf16Offset(EMOJI, 99)).toBe(EMOJI.length);
    expect(sliceCodePoints(EMOJI, 3, 4)).toBe('😀');
    expect(sliceCodePoints(EMOJI, 5, 13)).toBe('Jane Roe');
  });
});

describe('segmentText', () => {
  const hit = (id: number, start: number, end: number) => ({ id, start, end });

  it('is one plain run without spans', () => {
    expect(segmentText('abc', [])).toEqual([{ start: 0, end: 3, text: 'abc', spans: [], ending: [] }]);
    expect(segmentText('', [])).toEqual([]);
  });

  it('cuts at character offsets, so text after an emoji is marked right', () => {
    const name = hit(1, 5, 13);
    const segs = segmentText(EMOJI, [name]);
    expect(segs.map((s) => s.text)).toEqual(['Hi 😀 ', 'Jane Roe']);
    expect(segs[1]).toMatchObject({ start: 5, end: 13, spans: [name], ending: [name] });
  });

  it('gives nested and overlapping spans their own runs, innermost first, each label where its span ends', () => {
    const outer = hit(1, 0, 10);
    const inner = hit(2, 2, 5);
    const tail = hit(3, 8, 12);
    const segs = segmentText('abcdefghijklmn', [outer, inner, tail]);
    expect(segs.map((s) => [s.text, s.spans.map((x) => x.id), s.ending.map((x) => x.id)])).toEqual([
      ['ab', [1], []],
      ['cde', [2, 1], [2]],
      ['fgh', [1], []],
      ['ij', [3, 1], [1]],
      ['kl', [3], [3]],
      ['mn', [], []],
    ]);
    expect(segs.map((s) => s.text).join('')).toBe('abcdefghijklmn');
  });

  it('labels both spans that end together', () => {
    const a = hit(1, 0, 5);
    const b = hit(2, 2, 5);
    const segs = segmentText('abcde', [a, b]);
    expect(segs[1].ending.map((x) => x.id)).toEqual([2, 1]);
  });

  it('clips spans past the end and drops empty ones', () => {
    const segs = segmentText('abc', [hit(1, 1, 9), hit(2, 2, 2), hit(3, 5, 7)]);
    expect(segs.map((s) => [s.text, s.spans.map((x) => x.id)])).toEqual([
      ['a', []],
      ['bc', [1]],
    ]);
  });
});

describe('maskSpans', () => {
  it('replaces each span once, by the outermost span', () => {
    const spans = [
      { start: 4, end: 15, kind: 'ssn' },
      { start: 8, end: 10, kind: 'other' },
    ];
    expect(maskSpans('SSN 123-45-6789 on file', spans, (s) => `[${s.kind}]`)).toBe('SSN [ssn] on file');
    expect(maskSpans('😀 123', [{ start: 2, end: 5, kind: 'x' }], () => '•')).toBe('😀 •');
  });
});

describe('locateText', () => {
  const value = '😀 Bob met Bob';
  it('keeps a selection that holds the text', () => {
    expect(locateText(value, 'Bob', 10, 13)).toEqual({ start: 10, end: 13 });
  });
  it('finds typed text by its first occurrence, in characters', () => {
    expect(locateText(value, 'Bob', null, null)).toEqual({ start: 2, end: 5 });
    expect(locateText(value, 'met Bob', 0, 3)).toEqual({ start: 6, end: 13 });
  });
  it('is null for empty or absent text', () => {
    expect(locateText(value, '', null, null)).toBeNull();
    expect(locateText(value, 'Alice', null, null)).toBeNull();
  });
});
