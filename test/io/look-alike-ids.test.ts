import { describe, expect, it } from 'vitest';
import { AccountNumbers } from '../../src/io/account-numbers.js';
import { LookAlikeIds } from '../../src/io/look-alike-ids.js';

describe('LookAlikeIds', () => {
  const held = (ids: readonly string[]) => {
    const accounts = new AccountNumbers();
    for (const id of ids) accounts.number(id);
    return new LookAlikeIds(accounts);
  };

  it('finds the ids a reader would take for one: case, spaces, invisible characters, other dashes, full-width forms', () => {
    const lookAlikes = ['a-1', ' A-1', 'A\u20111', 'A-1\u200b', 'A\u2013\u00ad1', '\uff21\uff0d\uff11', 'A\u22121'];
    const ids = held(['A-1', ...lookAlikes, 'A-11', 'A1', 'B-1']);
    expect(ids.othersLike('A-1')).toEqual(lookAlikes);
    expect(ids.othersLike('a-1')).toEqual(['A-1', ...lookAlikes.slice(1)]);
  });

  it('finds ids of one case and of mixed case alike, whichever the plan has', () => {
    const ids = held(['ACC-1', 'acc-1', 'Acc-1', ' ACC-1', '12345', '12345\u200b', 'ACC-2']);
    expect(ids.othersLike('ACC-1')).toEqual(['acc-1', 'Acc-1', ' ACC-1']);
    expect(ids.othersLike('aCC-1')).toEqual(['ACC-1', 'acc-1', 'Acc-1', ' ACC-1']);
    expect(ids.othersLike('\uff21\uff23\uff23\uff0d\uff11')).toEqual(['ACC-1', 'acc-1', 'Acc-1', ' ACC-1']);
    expect(ids.othersLike('12345')).toEqual(['12345\u200b']);
    expect(ids.othersLike('acc-2')).toEqual(['ACC-2']);
  });

  it('finds only the ids held when it was made, not those numbered since (the plans read after it)', () => {
    const accounts = new AccountNumbers();
    accounts.number('A-1');
    const ids = new LookAlikeIds(accounts);
    accounts.number('a-1');
    accounts.number('a-1\u200b');
    expect(ids.othersLike('A-1')).toEqual([]);
    expect(ids.othersLike('a-1')).toEqual(['A-1']);
  });

  it('finds none for an id held alone, or for an id not held whose key no id has', () => {
    const ids = held(['A-1', 'A-2']);
    expect(ids.othersLike('A-1')).toEqual([]);
    expect(ids.othersLike('A-3')).toEqual([]);
    // Not held itself, it still finds the held ids that look like it.
    expect(ids.othersLike('a-2')).toEqual(['A-2']);
  });
});
