import { describe, expect, it } from 'vitest';
import { rangeInRuns, selectedChars } from './selection';

/** A field as FieldText draws it: runs with their first character, a label between that is not the value. */
function field(): HTMLElement {
  const root = document.createElement('div');
  const run = (cp: number, text: string) => {
    const span = document.createElement('span');
    span.dataset.cp = String(cp);
    span.textContent = text;
    return span;
  };
  const mark = document.createElement('mark');
  mark.append(run(3, 'Jane 😀'));
  const label = document.createElement('button');
  label.textContent = 'Third-party name';
  root.append(run(0, 'Hi '), mark, label, run(9, ' wrote 😀 hello'));
  document.body.append(root);
  return root;
}

const text = (root: HTMLElement, i: number) => root.querySelectorAll('[data-cp]')[i].firstChild as Text;

describe('rangeInRuns', () => {
  it('counts characters of the runs only, skipping labels, across an emoji', () => {
    const root = field();
    const range = document.createRange();
    // From "Jane" to the end of "hello": the label's text is not counted.
    range.setStart(text(root, 1), 0);
    range.setEnd(text(root, 2), ' wrote 😀 hello'.length);
    expect(rangeInRuns(root, range)).toEqual({ start: 3, end: 9 + 14 });
    root.remove();
  });

  it('takes a selection inside one run, after an emoji', () => {
    const root = field();
    const range = document.createRange();
    const t = text(root, 2);
    range.setStart(t, t.data.indexOf('hello'));
    range.setEnd(t, t.data.length);
    // " wrote 😀 " is 9 characters (10 UTF-16 units).
    expect(rangeInRuns(root, range)).toEqual({ start: 9 + 9, end: 9 + 14 });
    root.remove();
  });

  it('widens a range that cuts an emoji in half to the whole character', () => {
    const root = field();
    const range = document.createRange();
    const t = text(root, 1);
    range.setStart(t, 5);
    range.setEnd(t, 6); // between the two halves of 😀
    expect(rangeInRuns(root, range)).toEqual({ start: 3 + 5, end: 3 + 6 });
    root.remove();
  });

  it('is null for a range on a label only', () => {
    const root = field();
    const range = document.createRange();
    range.selectNodeContents(root.querySelector('button')!);
    expect(rangeInRuns(root, range)).toBeNull();
    root.remove();
  });
});

describe('selectedChars', () => {
  it('reads the window selection, and is null when it is collapsed or elsewhere', () => {
    const root = field();
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    expect(selectedChars(root, selection)).toBeNull();
    const range = document.createRange();
    range.setStart(text(root, 0), 0);
    range.setEnd(text(root, 0), 2);
    selection.addRange(range);
    expect(selectedChars(root, selection)).toEqual({ start: 0, end: 2 });
    selection.collapseToEnd();
    expect(selectedChars(root, selection)).toBeNull();
    root.remove();
  });
});
