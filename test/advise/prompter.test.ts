import { describe, expect, it } from 'vitest';
import { answeredLine } from '../../src/advise/prompter.js';

describe('a question once answered', () => {
  it('is shown as inquirer shows it', () => {
    expect(answeredLine('Vehicles', '0')).toBe('✔ Vehicles 0');
  });

  it('wraps between words to the width, never in the middle of one', () => {
    const message = "Is there anything about the customer's health or circumstances that makes managing money harder?";
    const lines = answeredLine(message, 'Little to fall back on', 80).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    // Every word arrives whole, in order.
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(`✔ ${message} Little to fall back on`);
  });
});
