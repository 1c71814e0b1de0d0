import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/core/date.js';
import { canonicalProvenance, provenance, provenanceReference, withInputHash, type ProvenanceParts } from '../../src/core/provenance.js';
import { RULES_VERSION } from '../../src/core/rules-version.js';

const HASH = 'e432245ff91673c11211888403bf2c2da3d4992ee614174f5f895e446e66c2ba';

const parts: ProvenanceParts = {
  fairplanVersion: '0.1.0',
  asOf: parseIsoDate('2026-12-01'),
  guidelines: { name: 'Example guidelines', version: '2026.1', effectiveFrom: parseIsoDate('2026-04-01'), official: false, currency: 'GBP' },
  calendar: 'England and Wales bank holidays',
  options: { '--token': '2', '--interest-rate': '9.9' },
  inputs: [{ role: 'statement', file: 'statement.json', sha256: HASH }],
};

describe('provenance', () => {
  it('names the version, the rules, the date, the guideline table, the calendar, the options and the inputs, in that order', () => {
    const p = provenance(parts);
    expect(Object.keys(p)).toEqual(['fairplan', 'rulesVersion', 'asOf', 'guidelines', 'calendar', 'options', 'inputs']);
    expect(p).toEqual({
      fairplan: '0.1.0',
      rulesVersion: RULES_VERSION,
      asOf: '2026-12-01',
      guidelines: { name: 'Example guidelines', version: '2026.1', effectiveFrom: '2026-04-01' },
      calendar: 'England and Wales bank holidays',
      options: { '--interest-rate': '9.9', '--token': '2' },
      inputs: [{ role: 'statement', file: 'statement.json', sha256: HASH }],
    });
  });

  it('gives the same bytes whatever order the options were given in', () => {
    const reversed = provenance({ ...parts, options: { '--interest-rate': '9.9', '--token': '2' } });
    expect(canonicalProvenance(reversed)).toBe(canonicalProvenance(provenance(parts)));
  });

  it('says so when there is no guideline table, no calendar and no option', () => {
    const p = provenance({ fairplanVersion: '0.1.0', asOf: parseIsoDate('2026-12-01'), inputs: [] });
    expect(p).toMatchObject({ guidelines: null, calendar: null, options: {}, inputs: [] });
  });

  it("fills in standard input's hash once it has been read, and nothing else", () => {
    const read = provenance({ ...parts, inputs: [{ role: 'input', file: '-', sha256: null }, { role: 'mapping', file: 'map.json', sha256: HASH }] });
    expect(withInputHash(read, 'input', 'ab'.repeat(32)).inputs).toEqual([
      { role: 'input', file: '-', sha256: 'ab'.repeat(32) },
      { role: 'mapping', file: 'map.json', sha256: HASH },
    ]);
  });
});

describe('provenanceReference', () => {
  it('is short, names the version and the rules, and is the same for the same provenance', () => {
    const reference = provenanceReference(provenance(parts));
    expect(reference).toMatch(new RegExp(`^Ref FP-[0-9a-f]{10} · fairplan 0\\.1\\.0 · rules ${RULES_VERSION}$`));
    expect(provenanceReference(provenance(parts))).toBe(reference);
  });

  it('changes with an option, an input or the date', () => {
    const reference = provenanceReference(provenance(parts));
    const others = [
      { ...parts, options: { ...parts.options, '--token': '3' } },
      { ...parts, inputs: [{ role: 'statement', file: 'statement.json', sha256: '0'.repeat(64) }] },
      { ...parts, asOf: parseIsoDate('2026-12-02') },
    ].map((changed) => provenanceReference(provenance(changed)));
    expect(new Set([reference, ...others]).size).toBe(4);
  });
});
