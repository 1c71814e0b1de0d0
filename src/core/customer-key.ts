/**
 * A customer id as compared, in every command: `CUST-1` and ` cust-1 ` are one customer. Wrongly
 * joined, accounts are only more protected (follow-up holds them as one person) and share one budget
 * (batch --group-by); wrongly apart, one budget would be planned twice over, or a person's opt-out
 * would miss their other account.
 */
export const customerKey = (id: string): string => id.trim().toLowerCase();
