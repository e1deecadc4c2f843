// Shared by the screen tests. Each test file still mocks the api module itself:
//   vi.mock('../lib/api', () => import('./api-mock'));
import { fireEvent, render, waitFor } from '@testing-library/svelte';
import { expect } from 'vitest';
import App from '../App.svelte';

export const el = <T extends Element = HTMLElement>(root: ParentNode, sel: string) => {
  const found = root.querySelector(sel);
  if (!found) throw new Error(`nothing matches ${sel}`);
  return found as unknown as T;
};

/** The app, unlocked, with `rows` request rows listed. */
export async function renderDesk(rows: number) {
  const view = render(App);
  await waitFor(() => expect(view.container.querySelectorAll('[data-ref]').length).toBe(rows));
  return view;
}

export async function openRow(container: HTMLElement, ref: string) {
  await fireEvent.click(el(container, `[data-ref="${ref}"]`));
  await waitFor(() => expect(container.querySelector('#detail-ref')?.textContent).toBe(ref));
}

export const key = (k: string, target: Element = document.body) => fireEvent.keyDown(target, { key: k });

export const type = (input: Element, value: string) => fireEvent.input(input, { target: { value } });
