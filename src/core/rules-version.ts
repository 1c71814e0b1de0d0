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
/** The version of the money and plan rules, raised whenever one changes: an output's `provenance.rulesVersion`. */
export const RULES_VERSION = 3;
export const RULES_DIGEST = 'fa26345b0cea0a1ce624fb68db3ed3b62beba67b972a0aa74aebf574a9ef45b1';
