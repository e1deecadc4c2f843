// A local, dependency-free estimate of passphrase strength. It is a nudge, not a
// guarantee: it rewards length and variety and punishes repeats and famous
// patterns, which is what matters for a key that protects the whole ledger.

export const MIN_PASSPHRASE = 12;

export type Strength = { score: 0 | 1 | 2 | 3; word: 'weak' | 'fair' | 'good' | 'strong'; bits: number };

const COMMON = ['password', 'passphrase', 'qwerty', 'azerty', 'letmein', 'welcome', 'admin', 'iloveyou', 'monkey', 'dragon', 'abc123', '123456', '12345678', 'rightsdesk', 'privacy'];

function poolSize(s: string): number {
  let pool = 0;
  if (/[a-z]/.test(s)) pool += 26;
  if (/[A-Z]/.test(s)) pool += 26;
  if (/[0-9]/.test(s)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(s)) pool += 33;
  if (/[^\x00-\x7f]/.test(s)) pool += 60;
  return Math.max(pool, 1);
}

export function estimateStrength(pass: string): Strength {
  const chars = [...pass];
  let bits = chars.length * Math.log2(poolSize(pass));
  const unique = new Set(chars.map((c) => c.toLowerCase())).size;
  if (chars.length > 0 && unique / chars.length < 0.4) bits *= 0.5;
  if (/(.)\1\1/.test(pass)) bits -= 10;
  if (/(?:0123|1234|2345|3456|4567|5678|6789|abcd|bcde|cdef)/i.test(pass)) bits -= 10;
  const lower = pass.toLowerCase();
  for (const w of COMMON) if (lower.includes(w)) bits -= 25;
  bits = Math.max(0, Math.round(bits));
  if (bits < 45) return { score: 0, word: 'weak', bits };
  if (bits < 60) return { score: 1, word: 'fair', bits };
  if (bits < 80) return { score: 2, word: 'good', bits };
  return { score: 3, word: 'strong', bits };
}

/** The message that stops a new passphrase, or null when it may be used. */
export function passphraseProblem(pass: string, repeat: string): string | null {
  const n = [...pass].length;
  if (n < MIN_PASSPHRASE) {
    return `Use at least ${MIN_PASSPHRASE} characters (this one has ${n}).`;
  }
  if (pass !== repeat) return 'The two passphrases do not match. Type the same passphrase in both fields.';
  return null;
}
