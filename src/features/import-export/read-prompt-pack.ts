// Reads a prompt pack file by its kind: JSON, CSV (parsed with Papa Parse: quotes, commas and
// line breaks inside cells) or Markdown.
import Papa from 'papaparse';
import { packFromCsvRows, parsePackJson, PromptPackError } from '../../domain/prompt-pack';
import { parsePackMarkdown } from '../../domain/prompt-pack-markdown';
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

/**
 * A .txt file whose first line names a "title" column is a table: what a spreadsheet saves as
 * "Text (Tab delimited)" or "Unicode Text". Any other .txt is read as Markdown.
 */
function isTable(text: string): boolean {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const cells = first.split(/[\t,;]/).map((cell) => cell.trim().toLowerCase());
  return cells.length > 1 && cells.includes('title');
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

/**
 * The file's text. file.text() reads anything as UTF-8 and turns what is not into U+FFFD, so a
 * Windows-1252 CSV (what Excel's plain "CSV" writes on Windows) would lose its accented letters
 * without a word: UTF-16 with a byte order mark is read as such, and text that is not valid
 * UTF-8 is refused with what to do.
 */
async function readText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PromptPackError(
      `“${file.name}” is not saved as UTF-8 text, so its accented letters would be garbled. Save it again as “CSV UTF-8” (Excel) or with UTF-8 encoding, then choose it again. Nothing was imported.`,
    );
  }
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
  const text = await readText(file);
  if (kind === 'json') return parsePackJson(text);
  if (kind === 'csv' || (file.name.toLowerCase().endsWith('.txt') && isTable(text)))
    return parseCsv(text);
  return parsePackMarkdown(text);
}
