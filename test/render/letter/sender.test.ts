import { describe, expect, it } from 'vitest';
import { readSender, parseSender } from '../../../src/render/letter/sender.js';
import { fixture } from '../../helpers/cli.js';

describe('the sender of the letters (--sender)', () => {
  it('reads the bundled sample: organisation, adviser, address lines, telephone and email', async () => {
    expect(await readSender(fixture('letters', 'sender.yaml'))).toEqual({
      organisation: 'Riverside Money Advice',
      adviser: 'Sam Patel',
      address: ['12 Market Street', 'Llanbadarn Fawr', 'Aberystwyth SY23 3AA'],
      phone: '01970 000000',
      email: 'advice@riverside.example',
    });
  });

  it('reads JSON as well as YAML, and takes any detail left out as not given', () => {
    expect(parseSender('{"organisation": "Riverside Money Advice"}', 'sender.json')).toEqual({ organisation: 'Riverside Money Advice' });
  });

  it('refuses an unknown key, suggesting the one meant, so a misspelling does not leave a gap in every letter', () => {
    expect(() => parseSender('organisation: Riverside\nadress: [1 Street]\n', 'sender.yaml')).toThrow(
      expect.objectContaining({ code: 'invalid-argument', context: expect.objectContaining({ file: 'sender.yaml', problems: [expect.objectContaining({ message: expect.stringContaining('did you mean "address"?') })] }) }),
    );
  });

  it('refuses an address that is not a list of lines, an empty detail and a number not in quotes, each by its place', () => {
    try {
      parseSender('address: 12 Market Street\nadviser: ""\nphone: 1970000000\n', 'sender.yaml');
      expect.unreachable();
    } catch (error) {
      expect((error as { context: { problems: { path: string }[] } }).context.problems.map((p) => p.path).sort()).toEqual(['address', 'adviser', 'phone']);
    }
  });
});
