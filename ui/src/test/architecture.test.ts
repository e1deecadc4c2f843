// Guards for rules that keep the UI safe and testable.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const sources = files(SRC).filter((f) => /\.(ts|svelte)$/.test(f) && !/\.test\.ts$/.test(f) && !f.includes('/test/'));

describe('architecture', () => {
  it('imports @tauri-apps only in src/lib/api.ts', () => {
    const offenders = sources
      .filter((f) => /from\s+['"]@tauri-apps\//.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual(['lib/api.ts']);
  });

  it('never renders raw HTML', () => {
    const offenders = sources
      .filter((f) => /\{@html|innerHTML|outerHTML|insertAdjacentHTML/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });

  it('loads nothing remote', () => {
    const offenders = sources
      .filter((f) => /(src|href)=["']https?:|url\(\s*['"]?https?:|@import\s+url/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });
});
