import { StringDecoder } from 'node:string_decoder';

const LF = '\n';
const CR = 13;
const BOM = 0xfeff;

/**
 * Cuts decoded text into lines and groups them in batches of `batchLines`.
 * Bytes go in as they arrive; a multibyte UTF-8 character split between two
 * chunks is held back until its last byte comes, bytes that are not UTF-8
 * become U+FFFD, and a leading byte-order mark is dropped. A line ends at
 * LF; a CR just before the LF is dropped. Whatever follows the last LF is
 * kept as the tail until `end()` says the input is complete.
 *
 * @example
 * const splitter = new LineSplitter(2);
 * splitter.push(Buffer.from('a\r\nb\nc'));
 * splitter.takeFull(); // [['a', 'b']]
 * splitter.end();
 * splitter.takeRest(); // ['c']
 */
export class LineSplitter {
  // StringDecoder rides on the buffer's native UTF-8 decoding, which measured
  // faster than TextDecoder in streaming mode on Node 20.
  private readonly decoder = new StringDecoder('utf8');
  private tail = '';
  private batch: string[] = [];
  private full: string[][] = [];
  private lines = 0;
  private atStart = true;

  constructor(private readonly batchLines: number) {}

  /** Complete lines cut so far, the ones not yet taken included. */
  get lineCount(): number {
    return this.lines;
  }

  /** Characters waiting for their LF: bounded by the caller to keep memory flat. */
  get tailLength(): number {
    return this.tail.length;
  }

  push(bytes: Buffer): void {
    let text = this.tail + this.decoder.write(bytes);
    if (this.atStart && text.length > 0) {
      // A byte-order mark from a Windows editor is not part of the first line.
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
      this.atStart = false;
    }
    let start = 0;
    let lf = text.indexOf(LF);
    while (lf !== -1) {
      const end = lf > start && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
      this.add(text.slice(start, end));
      start = lf + 1;
      lf = text.indexOf(LF, start);
    }
    this.tail = start === 0 ? text : text.slice(start);
  }

  /** The input is complete: a last line without LF becomes a line. */
  end(): void {
    const rest = this.tail + this.decoder.end();
    this.tail = '';
    if (rest.length === 0) return;
    this.add(rest.charCodeAt(rest.length - 1) === CR ? rest.slice(0, -1) : rest);
  }

  /** Batches holding exactly `batchLines` lines, oldest first. */
  takeFull(): string[][] {
    const ready = this.full;
    if (ready.length > 0) this.full = [];
    return ready;
  }

  /** The last, shorter batch (after `end()`, or after a break); null when empty. */
  takeRest(): string[] | null {
    const rest = this.batch;
    this.batch = [];
    return rest.length > 0 ? rest : null;
  }

  private add(line: string): void {
    this.batch.push(line);
    this.lines += 1;
    if (this.batch.length === this.batchLines) {
      this.full.push(this.batch);
      this.batch = [];
    }
  }
}
