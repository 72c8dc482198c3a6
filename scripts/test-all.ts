// `npm test`: everything CI checks, in order: typecheck, lint, then every Vitest project.
// Every step runs even when an earlier one failed, so one run shows all problems. The very
// last line is always `N passed, N failed` (CI reads it): tests from Vitest's JSON report, plus
// one failure per failed typecheck/lint step so that line is never all-green after a failure.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string): string => resolve(repoRoot, 'node_modules/.bin', name);
const REPORT = resolve(repoRoot, '.vitest-report.json');

interface Step {
  name: string;
  command: string;
  args: string[];
}

const checks: Step[] = [
  { name: 'typecheck', command: bin('tsc'), args: ['-b'] },
  { name: 'lint', command: bin('eslint'), args: ['.'] },
];

const vitest: Step = {
  name: 'tests',
  command: bin('vitest'),
  args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`],
};

interface VitestJsonReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
}

function run(step: Step): Promise<number> {
  console.log(
    `\n▶ ${step.name}: ${[step.command.replace(`${repoRoot}`, ''), ...step.args].join(' ')}`,
  );
  const child = spawn(step.command, step.args, { cwd: repoRoot, stdio: 'inherit' });
  return new Promise((resolvePromise) => {
    child.once('error', (error) => {
      console.error(`${step.name} could not start: ${error.message}`);
      resolvePromise(1);
    });
    child.once('close', (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
  });
}

function readReport(): VitestJsonReport | undefined {
  if (!existsSync(REPORT)) return undefined;
  try {
    return JSON.parse(readFileSync(REPORT, 'utf8')) as VitestJsonReport;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const problems: string[] = [];
  for (const step of checks) {
    if ((await run(step)) !== 0) problems.push(`${step.name} failed`);
  }

  // A stale report from an earlier run must never be mistaken for this one.
  rmSync(REPORT, { force: true });
  const vitestCode = await run(vitest);
  const report = readReport();

  let passed = 0;
  let failed = problems.length;
  if (!report) {
    problems.push(`Vitest wrote no report (exit code ${vitestCode})`);
    failed += 1;
  } else {
    passed = report.numPassedTests;
    failed += report.numFailedTests;
    if (report.numTotalTests === 0) {
      problems.push('no test ran');
      failed += 1;
    } else if (vitestCode !== 0 && report.numFailedTests === 0) {
      // Vitest failed outside any test (a global setup, an unhandled error, a file that
      // does not load): count it so the closing line is not all green.
      problems.push(`Vitest exited with code ${vitestCode} outside of any test`);
      failed += 1;
    } else if (vitestCode !== 0) {
      problems.push('tests failed');
    }
  }

  console.log('');
  for (const problem of problems) console.log(`✗ ${problem}`);
  console.log(`${passed} passed, ${failed} failed`);
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
