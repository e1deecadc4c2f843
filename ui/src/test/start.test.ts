import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../lib/api', () => import('./api-mock'));

import App from '../App.svelte';
import * as api from './api-mock';
import { expectAccessible } from './axe';
import { LOCKED, NO_LEDGER, UNLOCKED } from './fixtures';

const el = <T extends Element = HTMLElement>(root: Element, sel: string) => {
  const found = root.querySelector<T & Element>(sel);
  if (!found) throw new Error(`nothing matches ${sel}`);
  return found as T;
};

async function type(input: Element, value: string) {
  await fireEvent.input(input, { target: { value } });
}

beforeEach(() => api.resetApi());

describe('first run: create a ledger', () => {
  beforeEach(() => api.ledgerInfo.mockResolvedValue(NO_LEDGER));

  it('refuses a passphrase shorter than 12 characters', async () => {
    const { container } = render(App);
    await screen.findByRole('heading', { name: 'Create a ledger' });
    await type(el(container, '#new-pass'), 'short pass');
    await type(el(container, '#new-pass2'), 'short pass');
    await fireEvent.click(el(container, '#create-ledger'));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Use at least 12 characters (this one has 10).',
    );
    expect(api.ledgerCreate).not.toHaveBeenCalled();
  });

  it('refuses two passphrases that differ', async () => {
    const { container } = render(App);
    await screen.findByRole('heading', { name: 'Create a ledger' });
    await type(el(container, '#new-pass'), 'correct horse battery staple');
    await type(el(container, '#new-pass2'), 'correct horse battery stapler');
    await fireEvent.click(el(container, '#create-ledger'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/do not match/);
    expect(api.ledgerCreate).not.toHaveBeenCalled();
  });

  it('creates the ledger with a good passphrase and opens the desk', async () => {
    api.ledgerCreate.mockResolvedValue(UNLOCKED);
    const { container } = render(App);
    await screen.findByRole('heading', { name: 'Create a ledger' });
    await type(el(container, '#new-pass'), 'correct horse battery staple');
    await type(el(container, '#new-pass2'), 'correct horse battery staple');
    await fireEvent.click(el(container, '#create-ledger'));
    expect(api.ledgerCreate).toHaveBeenCalledWith('correct horse battery staple');
    // The first-run inbox teaches how to bring requests in.
    expect(await screen.findByRole('heading', { name: 'No requests yet' })).toBeTruthy();
    expect(container.textContent).toMatch(/Drag request emails/);
  });

  it('shows a strength word computed locally', async () => {
    const { container } = render(App);
    await screen.findByRole('heading', { name: 'Create a ledger' });
    await type(el(container, '#new-pass'), 'password1234');
    expect(el(container, '#new-pass-strength').textContent).toMatch(/weak/);
    await type(el(container, '#new-pass'), 'correct horse battery staple');
    expect(el(container, '#new-pass-strength').textContent).toMatch(/strong/);
  });

  it('offers the demo ledger and explains it is sample data', async () => {
    api.ledgerOpenDemo.mockResolvedValue({ ...UNLOCKED, demo: true });
    const { container } = render(App);
    await screen.findByRole('heading', { name: 'Create a ledger' });
    expect(container.textContent).toMatch(/made-up requests/);
    await fireEvent.click(el(container, '#open-demo'));
    expect(api.ledgerOpenDemo).toHaveBeenCalled();
    expect((await screen.findByTitle(/demo ledger: made-up requests/)).textContent).toMatch(/Demo\s*ledger · sample data/);
  });

  it('has no accessibility violations', async () => {
    const { container } = render(App);
    await screen.findByRole('heading', { name: 'Create a ledger' });
    await fireEvent.click(el(container, '#create-ledger'));
    await screen.findByRole('alert');
    await expectAccessible(container);
  });
});

describe('unlock', () => {
  beforeEach(() => api.ledgerInfo.mockResolvedValue(LOCKED));

  it('says plainly when the passphrase is wrong', async () => {
    api.ledgerUnlock.mockRejectedValue({ code: 'wrong_passphrase', message: 'file is not a database' });
    const { container } = render(App);
    await screen.findByRole('heading', { name: 'Unlock the ledger' });
    await type(el(container, '#unlock-pass'), 'not the passphrase');
    await fireEvent.click(el(container, '#unlock'));
    expect(api.ledgerUnlock).toHaveBeenCalledWith('not the passphrase');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That passphrase does not open this ledger. Nothing was changed.',
    );
    expect(el<HTMLInputElement>(container, '#unlock-pass').value).toBe('');
  });

  it('shows other errors’ messages as they come', async () => {
    api.ledgerUnlock.mockRejectedValue({ code: 'ledger_too_new', message: 'This ledger was written by a newer Rightsdesk.' });
    const { container } = render(App);
    await screen.findByRole('heading', { name: 'Unlock the ledger' });
    await type(el(container, '#unlock-pass'), 'whatever it is');
    await fireEvent.click(el(container, '#unlock'));
    expect((await screen.findByRole('alert')).textContent).toBe('This ledger was written by a newer Rightsdesk.');
  });

  it('unlocks into the desk', async () => {
    api.ledgerUnlock.mockResolvedValue(UNLOCKED);
    const { container } = render(App);
    await screen.findByRole('heading', { name: 'Unlock the ledger' });
    await type(el(container, '#unlock-pass'), 'correct horse battery staple');
    await fireEvent.click(el(container, '#unlock'));
    await waitFor(() => expect(container.querySelector('#lock')).not.toBeNull());
  });

  it('has no accessibility violations, with an error showing', async () => {
    api.ledgerUnlock.mockRejectedValue({ code: 'wrong_passphrase', message: 'x' });
    const { container } = render(App);
    await screen.findByRole('heading', { name: 'Unlock the ledger' });
    await type(el(container, '#unlock-pass'), 'nope nope nope');
    await fireEvent.click(el(container, '#unlock'));
    await screen.findByRole('alert');
    expect(container.querySelector('#open-demo')).not.toBeNull();
    await expectAccessible(container);
  });
});
