/** Provenance at the edge: fairplan's version and the hashes of the input files, for src/core/provenance.ts. */
import { BUILT_IN_GUIDELINES } from '../core/affordability/irs.js';
import { provenance, type Provenance, type ProvenanceInput, type ProvenanceParts } from '../core/provenance.js';
import { sha256File } from '../io/hash.js';
import type { CommandContext } from './context.js';
import { FAIRPLAN_VERSION } from './version.js';

/** An input file by its role and its name as the user gave it; `-` (standard input) is hashed as it is read. */
export interface NamedInput {
  readonly role: string;
  readonly file: string;
}

export type RunParts = Omit<ProvenanceParts, 'fairplanVersion' | 'inputs'> & { readonly inputs: readonly NamedInput[] };

/** The run's provenance, each input file hashed (standard input's hash left for the run to fill in). */
export async function runProvenance(context: CommandContext, { inputs, ...parts }: RunParts): Promise<Provenance> {
  return provenance({ ...parts, fairplanVersion: FAIRPLAN_VERSION, inputs: await hashInputs(context, inputs) });
}

/** Each input file with its SHA-256; standard input's is null until it has been read. */
export const hashInputs = (context: CommandContext, inputs: readonly NamedInput[]): Promise<ProvenanceInput[]> =>
  Promise.all(inputs.map(async ({ role, file }) => ({ role, file, sha256: file === '-' ? null : await sha256File(file, context.io.cwd) })));

/** A guideline file given with --guidelines is an input; a built-in table (`irs-2025`) is named by `guidelines` alone. */
export const guidelinesInput = (spec: string | undefined): NamedInput[] =>
  spec === undefined || BUILT_IN_GUIDELINES[spec] ? [] : [{ role: 'guidelines', file: spec }];
