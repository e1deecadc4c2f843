import { describe, expect, it } from 'vitest';
import { estimateStrength, passphraseProblem } from './strength';

describe('passphrase strength', () => {
  it('calls famous and repetitive passphrases weak', () => {
    expect(estimateStrength('password1234').word).toBe('weak');
    expect(estimateStrength('aaaaaaaaaaaaaaaa').word).toBe('weak');
    expect(estimateStrength('123456789012').word).toBe('weak');
  });

  it('calls several unrelated words strong', () => {
    expect(estimateStrength('correct horse battery staple').word).toBe('strong');
  });

  it('grows with length and variety', () => {
    const a = estimateStrength('bluefinch42x').bits;
    const b = estimateStrength('bluefinch42x-Harbour').bits;
    expect(b).toBeGreaterThan(a);
  });
});

describe('new passphrase rules', () => {
  it('needs 12 characters, counted as characters not bytes', () => {
    expect(passphraseProblem('short', 'short')).toMatch(/at least 12/);
    expect(passphraseProblem('ééééééééééé', 'ééééééééééé')).toMatch(/has 11/);
  });

  it('needs the repeat to match', () => {
    expect(passphraseProblem('long enough pass', 'long enough pas')).toMatch(/do not match/);
    expect(passphraseProblem('long enough pass', 'long enough pass')).toBeNull();
  });
});
