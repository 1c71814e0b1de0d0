import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Files that time what they drive: a terminal through tmux, a headless browser, or a limit in
// seconds. They run last, one at a time, with nothing else running beside them.
const TIMED = [
  'test/cli/advise-terminal.test.ts',
  'test/cli/batch-terminal.test.ts',
  'test/cli/check.test.ts',
  'test/cli/plan.test.ts',
  'test/cli/report-browser.test.ts',
  'test/follow-up/json-lines.test.ts',
  'test/statement/load.test.ts',
  'test/statement/yaml-exact.test.ts',
];

export default defineConfig({
  test: {
    // End-to-end tests spawn the built CLI; give them room on a busy 2-core CI box.
    testTimeout: 30_000,
    // One test file per core. vitest's default keeps a core for itself (cores - 1), which on the
    // 2-core CI box ran one file at a time, most of them waiting on a CLI child process while the
    // second core sat idle. Files keep to their own temporary folders, book databases and tmux
    // servers, so two at once prove the same.
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'files', include: ['test/**/*.test.ts'], exclude: TIMED } },
      { extends: true, test: { name: 'timed', include: TIMED, sequence: { groupOrder: 1 }, poolOptions: { forks: { singleFork: true } } } },
    ],
  },
});
