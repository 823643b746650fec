import { fail, ok, type Result } from '@tinsel/model';

/** One CSV record and the line it starts on (1-based), for error messages. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/**
 * Reads CSV text as RFC 4180 describes it: comma separators, CRLF or LF line
 * ends, fields in double quotes may hold commas, line breaks and doubled
 * quotes. Blank lines are skipped (spreadsheets leave them at the end) and a
 * leading byte-order mark is dropped. Malformed quoting is an error with its
 * line, not a guess: a silently shifted column would enrich with wrong values.
 *
 * @example
 * parseCsv('domain,tenant\r\n"a.example","Acme, ""Inc"""\r\n');
 * // → ok([{ line: 1, fields: ['domain', 'tenant'] }, { line: 2, fields: ['a.example', 'Acme, "Inc"'] }])
 */
export function parseCsv(text: string): Result<CsvRecord[]> {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  // Tells `""` (an empty field) from nothing at all on a blank line.
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endField = (): void => {
    fields.push(field);
    field = '';
  };
  const endRecord = (): void => {
    const blank = fields.length === 0 && field === '' && !quoted;
    endField();
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    quoted = false;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '' && !quoted) {
      const read = readQuoted(text, i + 1);
      if (!read.ok) return fail(`line ${line}: ${read.reason}`);
      field = read.value.text;
      quoted = true;
      line += read.value.lineBreaks;
      i = read.value.end;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        return fail(`line ${line}: unexpected character after a closing quote`);
      }
      continue;
    }
    if (c === ',') {
      endField();
      quoted = false;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else if (c === '"') {
      return fail(`line ${line}: quote inside an unquoted field`);
    } else {
      field += c;
    }
    i++;
  }
  if (field !== '' || fields.length > 0 || quoted) endRecord();
  return ok(records);
}

function readQuoted(text: string, start: number): Result<{ text: string; end: number; lineBreaks: number }> {
  let out = '';
  let lineBreaks = 0;
  let i = start;
  for (;;) {
    const close = text.indexOf('"', i);
    if (close < 0) return fail('unterminated quoted field');
    const chunk = text.slice(i, close);
    out += chunk;
    lineBreaks += countLineBreaks(chunk);
    if (text[close + 1] === '"') {
      out += '"';
      i = close + 2;
    } else {
      return ok({ text: out, end: close + 1, lineBreaks });
    }
  }
}

function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\n' || (s[i] === '\r' && s[i + 1] !== '\n')) n++;
  }
  return n;
}
