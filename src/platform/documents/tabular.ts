import type ExcelJS from 'exceljs';
import { DomainError } from '../../core/errors.js';
import { MAX_DECOMPRESSE, tailleDecompressee } from './zip.js';

/** A row of a table file: its 1-based line number in the file and its cells by lower-case header. */
export interface TableRow {
  line: number;
  cells: Record<string, string>;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return '';
  }
  return String(v);
}

/**
 * Read a CSV (UTF-8, comma or semicolon) or the first sheet of an XLSX into rows keyed by header.
 * Refuses unreadable files with a French message; empty lines are skipped.
 */
export async function readTable(data: Buffer, fileName: string): Promise<TableRow[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsx(data);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(data.toString('utf8').replace(/^\uFEFF/, ''));
  throw new DomainError('VALIDATION', {
    problems: [{ field: 'fichier', message: `format de fichier non reconnu (${fileName}) : CSV ou XLSX attendu` }],
  });
}

// The parsers are loaded on first use (exceljs is heavy): commands that read no file start faster.
async function readCsv(text: string): Promise<TableRow[]> {
  const { parse } = await import('csv-parse/sync');
  const firstLine = text.split('\n', 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    const parsed: string[][] = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true });
    records = parsed;
  } catch (e) {
    throw new DomainError('VALIDATION', {
      problems: [{ field: 'fichier', message: `CSV illisible : ${e instanceof Error ? e.message : ''}` }],
    });
  }
  const [header, ...rest] = records;
  if (!header) return [];
  const keys = header.map((h) => h.trim().toLowerCase());
  return rest
    .map((r, i) => ({ line: i + 2, cells: Object.fromEntries(keys.map((k, j) => [k, (r[j] ?? '').trim()])) }))
    .filter((r) => Object.values(r.cells).some((v) => v !== ''));
}

async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const taille = tailleDecompressee(data);
  if (taille !== null && taille > MAX_DECOMPRESSE)
    throw new DomainError('VALIDATION', {
      problems: [
        {
          field: 'fichier',
          code: 'FICHIER_TROP_GRAND',
          message: `le classeur se décompresse en ${Math.ceil(taille / 1024 / 1024)} Mo : au plus ${MAX_DECOMPRESSE / 1024 / 1024} Mo`,
        },
      ],
    });
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('VALIDATION', { problems: [{ field: 'fichier', code: 'FORMAT', message: 'fichier XLSX illisible' }] });
  }
  return wb;
}

async function readXlsx(data: Buffer): Promise<TableRow[]> {
  const ws = (await loadWorkbook(data)).worksheets[0];
  return ws ? readSheet(ws) : [];
}

/** Every sheet of an XLSX, each read as a table (GM2i's own exports have one sheet per section). */
export async function readWorkbook(data: Buffer): Promise<{ sheet: string; rows: TableRow[] }[]> {
  return (await loadWorkbook(data)).worksheets.map((ws) => ({ sheet: ws.name, rows: readSheet(ws) }));
}

function readSheet(ws: ExcelJS.Worksheet): TableRow[] {
  const headerRow = findHeaderRow(ws);
  if (!headerRow) return [];
  const keys: string[] = [];
  ws.getRow(headerRow).eachCell({ includeEmpty: true }, (c, col) => (keys[col] = cellText(c.value).trim().toLowerCase()));
  const rows: TableRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n <= headerRow) return;
    const cells: Record<string, string> = {};
    keys.forEach((k, col) => {
      if (k) cells[k] = cellText(row.getCell(col).value).trim();
    });
    if (Object.values(cells).some((v) => v !== '')) rows.push({ line: n, cells });
  });
  return rows;
}

/** GM2i's own exports put a title above the table: the header is the first row with a `code` cell. */
function findHeaderRow(ws: ExcelJS.Worksheet): number | undefined {
  for (let n = 1; n <= Math.min(ws.rowCount, 20); n++) {
    let found = false;
    ws.getRow(n).eachCell((c) => {
      const t = cellText(c.value).trim().toLowerCase();
      if (t === 'code' || t === 'type' || t === 'nature') found = true;
    });
    if (found) return n;
  }
  return ws.rowCount > 0 ? 1 : undefined;
}

/** A row of a file read as it is: its 1-based line number and its cells' text, left to right. */
export interface RawRow {
  line: number;
  cells: string[];
}

/**
 * A CSV's text: UTF-8, else Windows-1252 (a CSV saved by a French Excel), so « Libellé » is never garbled.
 */
function csvText(data: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(data);
  const text = utf8.includes('\uFFFD') ? new TextDecoder('windows-1252').decode(data) : utf8;
  return text.replace(/^\uFEFF/, '');
}

/**
 * Read a CSV (`;` or `,`, guessed from its first lines) or the first sheet of an XLSX with no header assumed:
 * files from outside (a percepteur's statement) may carry a title above their table. Empty rows are skipped.
 */
export async function readCells(data: Buffer, fileName: string): Promise<RawRow[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    const ws = (await loadWorkbook(data)).worksheets[0];
    const rows: RawRow[] = [];
    ws?.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (c, col) => (cells[col - 1] = cellText(c.value).trim()));
      rows.push({ line, cells: Array.from(cells, (c) => c ?? '') });
    });
    return rows.filter((r) => r.cells.some((c) => c !== ''));
  }
  if (!lower.endsWith('.csv') && !lower.endsWith('.txt'))
    throw new DomainError('VALIDATION', {
      problems: [{ field: 'fichier', code: 'FORMAT', message: `format de fichier non reconnu (${fileName}) : CSV ou XLSX attendu` }],
    });
  const text = csvText(data);
  const head = text.split('\n', 5).join('\n');
  const delimiter = (head.match(/;/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? ';' : ',';
  const { parse } = await import('csv-parse/sync');
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true });
  } catch (e) {
    throw new DomainError('VALIDATION', {
      problems: [{ field: 'fichier', code: 'FORMAT', message: `CSV illisible : ${e instanceof Error ? e.message : ''}` }],
    });
  }
  return records.map((cells, i) => ({ line: i + 1, cells })).filter((r) => r.cells.some((c) => c !== ''));
}
