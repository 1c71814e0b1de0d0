// Preloaded into a benchmarked process (node --import): at exit, writes its peak resident set size
// in kilobytes to $FAIRPLAN_BENCH_RSS_DIR/<label>.rss, the label being the script's base name, and
// the CPU time it used in microseconds (user and system: on a shared machine, what the run itself
// cost, whatever else was running) to <label>.cpu beside it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.FAIRPLAN_BENCH_RSS_DIR;
const script = path.basename(process.argv[1] ?? 'node', '.mjs');
const label = script === 'fairplan.js' ? 'batch' : script;
if (dir) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(path.join(dir, `${label}.rss`), String(maxRSS));
    writeFileSync(path.join(dir, `${label}.cpu`), String(userCPUTime + systemCPUTime));
  });
}
