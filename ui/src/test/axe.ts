import axe from 'axe-core';
import { expect } from 'vitest';

/** Runs axe-core on a rendered screen. jsdom cannot compute colours, so contrast is checked by hand instead. */
export async function expectAccessible(root: Element): Promise<void> {
  const result = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false } },
  });
  const problems = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(problems, problems.join('\n')).toEqual([]);
}
