// `npm test`: everything CI checks, in order: typecheck, lint, format, then the Vitest projects one
// after another (unit, integration, e2e): on a 2-core machine, running the PostgreSQL-backed
// and the Chromium-backed suites at the same time only makes both slower and flakier.
// Every step runs even when an earlier one failed, so one run shows all problems. The very
// last line is always `N passed, N failed` (CI reads it): tests from Vitest's JSON report, plus
// one failure per failed typecheck/lint step so that line is never all-green after a failure.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string): string => resolve(repoRoot, 'node_modules/.bin', name);
const PROJECTS = ['unit', 'integration', 'e2e'] as const;
const reportFile = (project: string) => resolve(repoRoot, `.vitest-report-${project}.json`);

interface Step {
  name: string;
  command: string;
  args: string[];
}

const checks: Step[] = [
  { name: 'typecheck', command: bin('tsc'), args: ['-b'] },
  { name: 'lint', command: bin('eslint'), args: ['.'] },
  // House style is Prettier's: an unformatted file fails here (`npm run format` fixes it).
  { name: 'format', command: bin('prettier'), args: ['--check', '--log-level=warn', '.'] },
];

const vitestStep = (project: string): Step => ({
  name: `${project} tests`,
  command: bin('vitest'),
  args: [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile(project)}`,
  ],
});

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

function readReport(project: string): VitestJsonReport | undefined {
  const file = reportFile(project);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as VitestJsonReport;
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const problems: string[] = [];
  for (const step of checks) {
    if ((await run(step)) !== 0) problems.push(`${step.name} failed`);
  }

  let passed = 0;
  let failed = problems.length;
  for (const project of PROJECTS) {
    // A stale report from an earlier run must never be mistaken for this one.
    rmSync(reportFile(project), { force: true });
    const vitestCode = await run(vitestStep(project));
    const report = readReport(project);
    if (!report) {
      problems.push(`${project}: Vitest wrote no report (exit code ${vitestCode})`);
      failed += 1;
      continue;
    }
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (report.numTotalTests === 0) {
      problems.push(`${project}: no test ran`);
      failed += 1;
    } else if (vitestCode !== 0 && report.numFailedTests === 0) {
      // Vitest failed outside any test (a global setup, an unhandled error, a file that
      // does not load): count it so the closing line is not all green.
      problems.push(`${project}: Vitest exited with code ${vitestCode} outside of any test`);
      failed += 1;
    } else if (vitestCode !== 0) {
      problems.push(`${project}: tests failed`);
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
