/**
 * The version of fairplan's money and plan rules: how monthly figures, offers, instalments, due
 * dates, flags and the recommendation are worked out. It is raised whenever any of them changes, so
 * that an output's `provenance.rulesVersion` says which rules made its figures, whatever fairplan
 * release ran them.
 *
 * RULES_DIGEST is the SHA-256 of what these rules make of a fixed set of fixtures (see
 * test/core/rules-version.test.ts): a change to a rule changes it, and the test then fails until
 * RULES_VERSION is raised and the new digest recorded here with it.
 */
export const RULES_VERSION = 2;
export const RULES_DIGEST = '117a67d0829151060e9b8a4256ff8575336d1823076c735b9650c6997293f01f';
