import { describe, expect, it } from 'vitest';
import { csvSafeText } from '../../../src/render/shared/csv-safe.js';

describe('csvSafeText', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('turns %j into text a spreadsheet will not run', (text) => {
    expect(csvSafeText(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text alone', () => {
    expect(csvSafeText('Affordable plan: £30.00 a month')).toBe('Affordable plan: £30.00 a month');
    expect(csvSafeText('')).toBe('');
  });
});
