import { fileURLToPath } from 'node:url';

/**
 * The folder fairplan is installed in (or the clone): what the package ships beside its code, the
 * manual in docs/ and the sample files, is read from here. This file is two folders below it, in
 * src/cli/ as in dist/cli/.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
