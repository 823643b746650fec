import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeAlbEscapes } from './decode-alb-escapes.ts';

describe('decodeAlbEscapes', () => {
  it('returns text without backslashes as it is', () => {
    const text = 'curl/7.46.0';
    assert.equal(decodeAlbEscapes(text), text);
  });

  it('turns \\xHH runs into UTF-8 text', () => {
    assert.equal(decodeAlbEscapes('/caf\\xC3\\xA9'), '/café');
    assert.equal(decodeAlbEscapes('say \\x22hi\\x22'), 'say "hi"');
    assert.equal(decodeAlbEscapes('a\\x5Cb'), 'a\\b');
  });

  it('reads the eight-digit form as one code point', () => {
    assert.equal(decodeAlbEscapes('\\x00000022quoted\\x00000022'), '"quoted"');
  });

  it('replaces invalid UTF-8 instead of failing', () => {
    assert.equal(decodeAlbEscapes('\\xFF\\xFEok'), '\uFFFD\uFFFDok');
    assert.equal(decodeAlbEscapes('\\xC3x'), '\uFFFDx');
  });

  it('unescapes \\" and \\\\ and keeps other backslashes', () => {
    assert.equal(decodeAlbEscapes('a\\"b\\\\c'), 'a"b\\c');
    assert.equal(decodeAlbEscapes('C:\\temp \\xZZ end\\'), 'C:\\temp \\xZZ end\\');
  });
});
