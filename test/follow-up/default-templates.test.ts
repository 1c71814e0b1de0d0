import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { MESSAGE_KINDS } from '../../src/core/follow-up/contact.js';
import { DEFAULT_TEMPLATES } from '../../src/follow-up/default-templates.js';
import { smsSize } from '../../src/follow-up/sms-segments.js';
import { compileTemplates } from '../../src/follow-up/templates.js';

// The fixture customers, and a longer name than any of theirs.
const customers = [...(parse(readFileSync('fixtures/follow-up/customers.csv'), { columns: true }) as Record<string, string>[]), { name: 'Jean-Luc Okonkwo' }];
const renderer = compileTemplates(DEFAULT_TEMPLATES, 'the default templates', []);
// The longest date a message can name: the longest month's name and a two-digit day.
const LONGEST_DATE = '30 September 2026';

describe('the default text messages', () => {
  const texts = MESSAGE_KINDS.flatMap((kind) =>
    customers.map(({ name = '' }) => ({
      kind,
      name,
      text: renderer.render(kind, 'sms', { name, account_id: 'FU-001', next_due_date: LONGEST_DATE, review_date: LONGEST_DATE, next_amount: '', arrears: '', balance_remaining: '' }).text,
    })),
  );

  it.each(texts)('$kind to $name fits one 160-character GSM-7 part, its signpost and how to stop texts included', ({ text }) => {
    expect(smsSize(text)).toEqual({ encoding: 'GSM-7', segments: 1 });
  });
});
