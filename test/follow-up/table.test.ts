import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable, type FollowUpRejection } from '../../src/follow-up/table.js';

async function readPayments(text: string, name = 'payments.ndjson') {
  const dir = mkdtempSync(path.join(tmpdir(), 'fairplan-table-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  const rows: string[] = [];
  const rejected: FollowUpRejection[] = [];
  try {
    await readTable(file, ['account_id', 'paid_on', 'amount'], () => undefined, (row) => void rows.push(`${row.line}: ${row.get('account_id')} ${row.get('amount')}`), (r) => void rejected.push(r));
  } finally {
    rmSync(dir, { recursive: true });
  }
  return { rows, rejected: rejected.map((r) => `${r.line}: ${r.reason}`) };
}

const payment = (id: string, reference = '') => JSON.stringify({ account_id: id, paid_on: '2026-03-01', amount: 10.5, reference });

describe('readTable, NDJSON', () => {
  it('reads a record a line, amounts as written', async () => {
    expect(await readPayments(`${payment('A')}\r\n\n${payment('B')}`)).toEqual({ rows: ['1: A 10.5', '3: B 10.5'], rejected: [] });
  });

  it('refuses a line longer than 1 MiB at its line, as a CSV row, and reads on', async () => {
    const hostile = `${payment('A')}\n${payment('B', 'x'.repeat(2 * 1024 * 1024))}\n${payment('C')}\n`;
    expect(await readPayments(hostile)).toEqual({ rows: ['1: A 10.5', '3: C 10.5'], rejected: ['2: the line is longer than 1 MiB'] });
  });

  it('refuses a last line of 100 MiB with no line end', async () => {
    expect(await readPayments(`${payment('A')}\n${'{'.repeat(100 * 1024 * 1024)}`)).toEqual({ rows: ['1: A 10.5'], rejected: ['2: the line is longer than 1 MiB'] });
  });

  it('refuses ids that differ only in a lone surrogate, which would come out as one account, and a control character', async () => {
    // Written as JSON escapes: "A\ud800" and "A\ud801" are valid JSON but not text.
    const hostile = [payment('A'), '{"account_id":"A\\ud800","paid_on":"2026-03-01","amount":1}', '{"account_id":"A\\ud801","paid_on":"2026-03-01","amount":1}', '{"account_id":"A\\u001b[2J","paid_on":"2026-03-01","amount":1}', payment('\ud83d\ude00')].join('\n');
    expect(await readPayments(hostile)).toEqual({
      rows: ['1: A 10.5', '5: \ud83d\ude00 10.5'],
      rejected: ['2: account_id holds a lone surrogate (U+D800), which is not text', '3: account_id holds a lone surrogate (U+D801), which is not text', '4: account_id holds a control character (U+001B)'],
    });
  });

  it('reports each line of a file whose every record is rejected, rather than calling the file empty', async () => {
    expect(await readPayments('not json\n{"account_id":"A\\ud800","paid_on":"2026-03-01","amount":1}\n')).toEqual({
      rows: [],
      rejected: ['1: not a JSON record: not valid JSON: expected a value, found "n" (column 1)', '2: account_id holds a lone surrogate (U+D800), which is not text'],
    });
  });
});
