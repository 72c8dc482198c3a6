// What a result depends on, recorded next to every run: the browser, the cores, Node, the commit.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { chromiumVersion } from './chromium';

export interface BenchEnvironment {
  date: string;
  chromium: string;
  cores: number;
  cpuModel: string;
  loadAverage: number[];
  node: string;
  platform: string;
  commit: string;
  dirty: boolean;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

export async function benchEnvironment(): Promise<BenchEnvironment> {
  return {
    date: new Date().toISOString(),
    chromium: await chromiumVersion().catch((error: unknown) => `unavailable (${String(error)})`),
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    commit: git(['rev-parse', 'HEAD']) || 'unknown',
    // Several engineers share the working tree: say when the measured code was not exactly HEAD.
    // The files a run writes (the results and the README's table) measure nothing, so a second
    // run after a first is still a run of HEAD.
    dirty:
      git([
        'status',
        '--porcelain',
        '--untracked-files=no',
        '--',
        '.',
        ':(exclude)bench-results',
        ':(exclude)README.md',
      ]) !== '',
  };
}
