import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/follow-up/rules.js';
import { DEFAULT_TEMPLATES } from '../../src/follow-up/default-templates.js';
import { loadRulesFile } from '../../src/follow-up/rules-file.js';
import { fixture } from '../helpers/cli.js';

function rulesFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'fairplan-rules-')), 'rules.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadRulesFile', () => {
  it('reads the fixture rules over the defaults, keeping the default templates it does not replace', async () => {
    const { rules, templates, nameColumns } = await loadRulesFile(fixture('follow-up', 'rules.yaml'));
    expect(rules).toEqual({ graceDays: 7, brokenAfter: 3, remindDays: 2, perDay: 1, perWeek: 2 });
    expect(templates.reminder.sms.text).toContain('{{preferred_name}}');
    expect(templates.reminder.email).toEqual(DEFAULT_TEMPLATES.reminder.email);
    expect(templates['thank-you']).toEqual(DEFAULT_TEMPLATES['thank-you']);
    expect(nameColumns).toEqual(['preferred_name']);
  });

  it('keeps every default for an empty file', async () => {
    expect(await loadRulesFile(rulesFile(''))).toEqual({ rules: DEFAULT_RULES, templates: DEFAULT_TEMPLATES, nameColumns: [] });
  });

  it('reports every problem at once, each with its place: a misspelt rule, a fraction, a zero limit', async () => {
    const file = rulesFile('grace_day: 5\nremind_days: 2.5\ncontact_limits:\n  per_week: 0\n');
    const error = await loadRulesFile(file).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-rules', context: { file } });
    const problems = (error as { context: { problems: { path: string; message: string }[] } }).context.problems;
    expect(problems.map((p) => p.path).sort()).toEqual(['', 'contact_limits.per_week', 'remind_days']);
    expect(problems.find((p) => p.path === '')?.message).toBe('"grace_day" is not a rule; did you mean "grace_days"?');
  });

  it('lets a firm lower the contact limits, never raise them above one a day and three in seven days', async () => {
    expect((await loadRulesFile(rulesFile('contact_limits:\n  per_week: 2\n'))).rules).toMatchObject({ perDay: 1, perWeek: 2 });
    const error = await loadRulesFile(rulesFile('contact_limits:\n  per_day: 2\n  per_week: 4\n')).catch((e: unknown) => e);
    const problems = (error as { context: { problems: { path: string; message: string }[] } }).context.problems;
    expect(problems.map((p) => [p.path, p.message]).sort()).toEqual([
      ['contact_limits.per_day', 'expected at most 1'],
      ['contact_limits.per_week', 'expected at most 3'],
    ]);
  });

  it('says what a number of days may be, and names a misspelt template kind with the one meant', async () => {
    const file = rulesFile('grace_days: -3\ntemplates:\n  remindr:\n    sms:\n      text: hi\n');
    const error = await loadRulesFile(file).catch((e: unknown) => e);
    const problems = (error as { context: { problems: { path: string; message: string }[] } }).context.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'grace_days', message: 'expected a whole number, 0 or more' },
        { path: 'templates', message: '"remindr" is not a rule; did you mean "reminder"?' },
      ]),
    );
  });

  it('refuses, as it loads them, a text message template with a customers column the rules do not declare a name', async () => {
    const sms = 'templates:\n  reminder:\n    sms:\n      text: "Hi {{nickname}}, your payment is due on {{next_due_date}}. {{signpost}}"\n';
    const file = rulesFile(sms);
    const error = await loadRulesFile(file).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-rules', context: { file, field: 'templates.reminder.sms.text' } });
    expect(String(error)).toContain('puts {{nickname}} in a text message');
    const declared = await loadRulesFile(rulesFile(`name_columns: [nickname]\n${sms}`));
    expect(declared.nameColumns).toEqual(['nickname']);
  });

  it('refuses, as it loads them, a template holding a character that does not show, naming it by its code', async () => {
    const file = rulesFile('templates:\n  thank-you:\n    email:\n      subject: "Thank you"\n      text: "Thank you, de\\u00ADbt free"\n');
    const error = await loadRulesFile(file).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid-rules', context: { file, field: 'templates.thank-you.email.text' } });
    expect(String(error)).toContain('holds the character U+00AD');
  });

  it('takes as name columns only a list of customers columns, not a value fairplan fills in', async () => {
    for (const [yaml, message] of [
      ['name_columns: [next_amount]', '"next_amount" is a value fairplan fills in, not a customers column'],
      ['name_columns: preferred_name', 'expected a list of customers columns, e.g. [preferred_name]'],
      ['name_columns: [""]', 'expected the name of a customers column'],
    ]) {
      const error = await loadRulesFile(rulesFile(`${yaml}\n`)).catch((e: unknown) => e);
      const problems = (error as { context: { problems: { path: string; message: string }[] } }).context.problems;
      expect(problems.map((p) => p.message), yaml).toEqual([message]);
      expect(problems[0]?.path.startsWith('name_columns'), yaml).toBe(true);
    }
  });
});
