// Reads a prompt pack file by its kind: JSON, CSV (parsed with Papa Parse: quotes, commas and
// line breaks inside cells) or Markdown.
import Papa from 'papaparse';
import {
  packFromCsvRows,
  parsePackJson,
  parsePackMarkdown,
  PromptPackError,
} from '../../domain/prompt-pack';
import type { PromptPack } from '../../domain/prompt-pack';

/** Packs are text a person wrote; anything larger is almost certainly the wrong file. */
export const PACK_MAX_BYTES = 20 * 1024 * 1024;

export const PACK_FILE_TYPES =
  '.json,.csv,.md,.markdown,.txt,application/json,text/csv,text/markdown';

function kindOf(file: File): 'json' | 'csv' | 'markdown' | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json') || file.type === 'application/json') return 'json';
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'csv';
  if (/\.(md|markdown|txt)$/.test(name) || file.type === 'text/markdown') return 'markdown';
  return null;
}

function parseCsv(text: string): PromptPack {
  const result = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const problem = result.errors.find((error) => error.type !== 'Delimiter');
  if (problem) {
    const row = problem.row === undefined ? '' : ` (row ${problem.row + 1})`;
    throw new PromptPackError(`This CSV cannot be read${row}: ${problem.message}.`);
  }
  return packFromCsvRows(result.data);
}

export async function readPromptPack(file: File): Promise<PromptPack> {
  if (file.size > PACK_MAX_BYTES) {
    throw new PromptPackError(
      `This file is ${(file.size / 1024 / 1024).toFixed(0)} MB; a prompt pack can be at most 20 MB.`,
    );
  }
  const kind = kindOf(file);
  if (!kind) {
    throw new PromptPackError(
      `“${file.name}” is not a prompt pack: choose a .json, .csv or .md file.`,
    );
  }
  const text = await file.text();
  if (kind === 'json') return parsePackJson(text);
  if (kind === 'csv') return parseCsv(text);
  return parsePackMarkdown(text);
}
