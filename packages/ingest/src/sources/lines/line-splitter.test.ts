import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineSplitter } from './line-splitter.ts';

function splitAll(pieces: (string | Buffer)[], batchLines = 100): string[][] {
  const splitter = new LineSplitter(batchLines);
  const batches: string[][] = [];
  for (const piece of pieces) {
    splitter.push(typeof piece === 'string' ? Buffer.from(piece) : piece);
    batches.push(...splitter.takeFull());
  }
  splitter.end();
  batches.push(...splitter.takeFull());
  const rest = splitter.takeRest();
  if (rest !== null) batches.push(rest);
  return batches;
}

describe('LineSplitter', () => {
  it('keeps a line whole across pushes', () => {
    assert.deepEqual(splitAll(['ab', 'c\nd', 'e\n']), [['abc', 'de']]);
  });

  it('drops a CR whose LF comes in the next push, keeps a lone CR inside a line', () => {
    assert.deepEqual(splitAll(['a\r', '\nb\rc\n']), [['a', 'b\rc']]);
  });

  it('fills batches to exactly batchLines', () => {
    assert.deepEqual(splitAll(['1\n2\n3\n4\n5\n'], 2), [['1', '2'], ['3', '4'], ['5']]);
  });

  it('counts complete lines, the undelimited tail only after end()', () => {
    const splitter = new LineSplitter(10);
    splitter.push(Buffer.from('x\ny\npartial'));
    assert.equal(splitter.lineCount, 2);
    assert.equal(splitter.tailLength, 'partial'.length);
    splitter.end();
    assert.equal(splitter.lineCount, 3);
  });

  it('drops a leading byte-order mark, even split over pushes', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    assert.deepEqual(splitAll([bom.subarray(0, 1), Buffer.concat([bom.subarray(1), Buffer.from('first\n\uFEFFsecond')])]), [['first', '\uFEFFsecond']]);
  });

  it('turns bytes that are not UTF-8 into U+FFFD rather than failing', () => {
    assert.deepEqual(splitAll([Buffer.from([0x61, 0xff, 0x62, 0x0a])]), [['a\uFFFDb']]);
  });
});
