// Writes a run's results: bench-results/latest.json, bench-results/latest.md (a markdown
// table) and, when README.md has the markers, the table between them (only that region).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchRow } from '../bench-row';
import type { BenchEnvironment } from './environment';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

function cell(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '—';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(rows: readonly BenchRow[]): string {
  const lines = rows.map(
    (r) =>
      `| ${r.id} | ${escape(r.what)} | ${r.metric} | ${cell(r.value)} | ${cell(r.baseline)} | ${r.ratio === null ? '—' : `${cell(r.ratio)}×`} | ${escape(r.target)} | ${r.pass === null ? '—' : r.pass ? 'yes' : '**no**'} |`,
  );
  return [
    '| id | what | metric | value | baseline | ratio | target | pass |',
    '|---|---|---|---|---|---|---|---|',
    ...lines,
  ].join('\n');
}

export function environmentLine(env: BenchEnvironment, seconds: number): string {
  return (
    `Run ${env.date} on commit ${env.commit.slice(0, 12)}${env.dirty ? ' (working tree had uncommitted changes)' : ''}: ` +
    `Chromium ${env.chromium}, ${env.cores} cores (${env.cpuModel}, load ${env.loadAverage.join(' ')}), Node ${env.node}, ${env.platform}; ` +
    `${Math.round(seconds)} s. Ratios are to a baseline measured in the same run; absolute times on this shared machine vary by ±35%.`
  );
}

export async function writeReports(
  root: string,
  env: BenchEnvironment,
  rows: readonly BenchRow[],
  seconds: number,
  partial: boolean,
) {
  const dir = join(root, 'bench-results');
  await mkdir(dir, { recursive: true });
  const json = JSON.stringify(
    { environment: env, seconds: Math.round(seconds), partial, rows },
    (_, v) => (typeof v === 'number' && Number.isNaN(v) ? null : v),
    2,
  );
  const table = markdownTable(rows);
  const summary = environmentLine(env, seconds);
  // An --only run is a partial table: keep it out of latest.* so the committed full run stays.
  const name = partial ? 'partial' : 'latest';
  await writeFile(join(dir, `${name}.json`), `${json}\n`);
  await writeFile(join(dir, `${name}.md`), `# Benchmark results\n\n${summary}\n\n${table}\n`);
  const readme = join(root, 'README.md');
  if (partial || !existsSync(readme)) return;
  const text = await readFile(readme, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return;
  const region = `${START}\n${summary}\n\n${table}\n${END}`;
  await writeFile(readme, text.slice(0, start) + region + text.slice(end + END.length));
}
