import { describe, expect, it } from 'vitest';
import { atStep, newDraft, nextStep, STEPS, withHousehold } from '../../src/advise/draft.js';
import { draftToJson, parseDraft } from '../../src/advise/draft-file.js';
import { added, removed, replaced } from '../../src/advise/entries.js';
import { entriesOf, sectionEntries } from '../../src/advise/sections.js';
import { money } from '../../src/core/money.js';
import { FAMILY } from './statements.js';

describe('the draft', () => {
  it('starts at the household with an empty statement', () => {
    const draft = newDraft();
    expect(draft.step).toBe('household');
    expect(draft.statement.income).toEqual([]);
    expect(draft.statement.debts).toEqual([]);
  });

  it('goes through the steps in order and stays done at the end', () => {
    expect(STEPS.map(nextStep)).toEqual([
      'income', 'fixed', 'flexible', 'priority-debts', 'debts', 'summary', 'plans', 'export', 'done', 'done',
    ]);
  });

  it('changes by returning a new draft, leaving the old one as it was', () => {
    const draft = newDraft();
    const changed = withHousehold(atStep(draft, 'income'), { adults: 2, children: 1, vehicles: 1, tenure: 'mortgage' });
    expect(changed.step).toBe('income');
    expect(changed.statement.household.adults).toBe(2);
    expect(draft.statement.household.adults).toBe(1);
  });
});

describe('sections of the statement', () => {
  it('shows fixed and flexible costs as separate sections of the one expenditure list', () => {
    expect(entriesOf(FAMILY, 'fixed').map((l) => l.label)).toEqual(['Rent', 'Energy']);
    expect(entriesOf(FAMILY, 'flexible').map((l) => l.label)).toEqual(['Food', 'Phone']);
  });

  it('edits the second flexible cost by its place in that section, not in the whole list', () => {
    const phone = { category: 'communications-leisure' as const, label: 'Phone and broadband', amount: money('65.00'), frequency: 'monthly' as const };
    const edited = replaced(sectionEntries('flexible'), FAMILY, 1, phone);
    expect(entriesOf(edited, 'flexible').map((l) => l.label)).toEqual(['Food', 'Phone and broadband']);
    expect(entriesOf(edited, 'fixed').map((l) => l.label)).toEqual(['Rent', 'Energy']);
  });

  it('adds at the end of a section and deletes by place', () => {
    const gas = { category: 'utilities' as const, label: 'Water', amount: money('30.00'), frequency: 'monthly' as const };
    const withWater = added(sectionEntries('fixed'), FAMILY, gas);
    expect(entriesOf(withWater, 'fixed').map((l) => l.label)).toEqual(['Rent', 'Energy', 'Water']);
    const withoutRent = removed(sectionEntries('fixed'), withWater, 0);
    expect(entriesOf(withoutRent, 'fixed').map((l) => l.label)).toEqual(['Energy', 'Water']);
    expect(removed(sectionEntries('debts'), FAMILY, 1).debts.map((d) => d.creditor)).toEqual(['Acme Bank']);
  });
});

describe('the draft file', () => {
  it('reads back exactly what was written, amounts to the last digit', () => {
    const statement = {
      ...FAMILY,
      income: [{ category: 'benefits' as const, label: 'Child Benefit', amount: money('0.10'), frequency: 'weekly' as const }],
    };
    const draft = { step: 'plans' as const, statement, plan: { kind: 'affordable' as const, frequency: 'weekly' as const, amount: money('12.345') } };
    const back = parseDraft(draftToJson(draft), 'draft.json');
    expect(back.step).toBe('plans');
    expect(back.statement.income[0]?.amount.toFixed()).toBe('0.1');
    expect(back.statement.debts[0]?.balance.toFixed(2)).toBe('3000.00');
    expect(back.plan).toMatchObject({ kind: 'affordable', frequency: 'weekly' });
    expect(back.plan?.amount?.toFixed()).toBe('12.345');
  });

  it('reads back the term of a fixed-term plan chosen', () => {
    const draft = { step: 'export' as const, statement: FAMILY, plan: { kind: 'fixed-term' as const, termMonths: 24 } };
    expect(parseDraft(draftToJson(draft), 'draft.json').plan).toEqual({ kind: 'fixed-term', termMonths: 24 });
  });

  it('keeps the answers of a line still being typed', () => {
    const draft = { step: 'debts' as const, statement: FAMILY, pending: { item: 'debts' as const, index: 1, answers: ['Lender Ltd', '1000.00'] } };
    expect(parseDraft(draftToJson(draft), 'draft.json').pending).toEqual(draft.pending);
  });

  it('reads the half-typed line of a draft written when only lines could be half typed, named by their section', () => {
    const text = draftToJson({ step: 'debts', statement: FAMILY }).replace(
      '"step": "debts",',
      '"step": "debts", "pending": {"section": "debts", "answers": ["Lender Ltd"]},',
    );
    expect(parseDraft(text, 'draft.json').pending).toEqual({ item: 'debts', answers: ['Lender Ltd'] });
  });

  it('refuses a half-answered item that is not a part of the statement, naming the field', () => {
    const text = draftToJson({ step: 'debts', statement: FAMILY }).replace('"step": "debts",', '"step": "debts", "pending": {"item": "lunch", "answers": []},');
    expect(() => parseDraft(text, 'd.json')).toThrow(expect.objectContaining({ context: expect.objectContaining({ file: 'd.json', field: 'pending.item' }) }));
  });

  it('refuses a file that is not a draft, naming the file', () => {
    expect(() => parseDraft('{"income": []}', 'notes.json')).toThrow(expect.objectContaining({ code: 'invalid-argument', context: expect.objectContaining({ file: 'notes.json' }) }));
    expect(() => parseDraft('not json', 'notes.json')).toThrow(expect.objectContaining({ code: 'invalid-argument', context: expect.objectContaining({ file: 'notes.json' }) }));
    const refusal = (() => {
      try {
        return parseDraft('{"format": "fairplan-advise-draft", "version": 1, "step": "lunch", "statement": {}}', 'd.json');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ message: '"lunch" is not a step of the session', context: { file: 'd.json', field: 'step' } });
  });

  it('holds a draft to the limits of a statement file: nesting 10,000 deep is refused, not a crash', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const text = draftToJson({ step: 'summary', statement: FAMILY }).replace('"step": "summary",', `"step": "summary", "pending": ${deep},`);
    expect(() => parseDraft(text, 'd.json')).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^is not a fairplan advise draft \(lists and objects are nested more than 100 levels deep/) }),
    );
  });

  it('refuses a "__proto__" key in the draft\'s statement, at its path', () => {
    const text = draftToJson({ step: 'summary', statement: FAMILY }).replace('"income": [', '"income": [{"__proto__": {"category": "earnings"}},');
    expect(() => parseDraft(text, 'd.json')).toThrow(expect.objectContaining({ message: expect.stringContaining('"__proto__" is not allowed as a field name') }));
  });
});
