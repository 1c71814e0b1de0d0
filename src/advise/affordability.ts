/** The affordability core on the draft's statement, with the session's guidelines. */
import { assessAffordability } from '../core/affordability/assess.js';
import type { Affordability } from '../core/affordability/types.js';
import type { Statement } from '../core/statement.js';
import type { AdviseServices } from './session.js';

export const assess = (statement: Statement, services: AdviseServices): Affordability =>
  assessAffordability(statement, { asOf: services.asOf, ...(services.guidelines ? { guidelines: services.guidelines } : {}) });
