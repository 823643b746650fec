import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseMessageTemplate } from './parse-message-template.ts';
import { renderMessageTemplate } from './render-message-template.ts';

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/);
const braceFree = fc.string({ maxLength: 30 }).map((s) => s.replace(/[{}]/g, ''));

describe('renderMessageTemplate', () => {
  it('renders each capturing and format kind as Serilog does', () => {
    const properties = { User: 'ada', Id: 42, Order: { $type: 'Order', Id: 7, Lines: [1, 2] }, Elapsed: 12.3456, Ok: true, None: null };
    assert.equal(renderMessageTemplate('{User} {User:l} {$User} {@Order} {Elapsed:0.00} {Id:D5} {Ok} {None}', properties), '"ada" ada "ada" Order { Id: 7, Lines: [1, 2] } 12.35 00042 true null');
    assert.equal(renderMessageTemplate('{Order:j}', properties), '{"$type":"Order","Id":7,"Lines":[1,2]}');
    assert.equal(renderMessageTemplate('[{Id,5}] [{Id,-5}]', properties), '[   42] [42   ]');
    assert.equal(renderMessageTemplate('{Elapsed:N2} {Id:x} {Elapsed:E2} {Id:P0}', properties), '12.35 2a 1.23E+001 4,200 %');
  });

  it('keeps holes whose property is missing, and malformed holes, as written', () => {
    assert.equal(renderMessageTemplate('a {Missing} b { bad } {unclosed', {}), 'a {Missing} b { bad } {unclosed');
  });

  it('uses @r renderings for formatted holes when their count matches, and ignores them otherwise', () => {
    assert.equal(renderMessageTemplate('{A:0.0} {B} {C:0.0}', { A: 1.25, B: 'x', C: 2 }, ['1,3', '2,0']), '1,3 "x" 2,0');
    assert.equal(renderMessageTemplate('{A:0.0}', { A: 1.25 }, ['1,3', 'extra']), '1.3');
  });

  it('property: text without braces renders as itself', () => {
    fc.assert(fc.property(braceFree, fc.dictionary(name, fc.jsonValue()), (text, properties) => {
      assert.equal(renderMessageTemplate(text, properties), text);
    }));
  });

  it('property: doubled braces render as single ones', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (text) => {
      const escaped = text.replace(/\{/g, '{{').replace(/\}/g, '}}');
      assert.equal(renderMessageTemplate(escaped, {}), text);
    }));
  });

  it('property: a string renders quoted, literally with :l, and alignment pads without changing it', () => {
    fc.assert(fc.property(name, fc.string({ maxLength: 20 }), fc.integer({ min: -40, max: 40 }), (prop, value, width) => {
      const properties = { [prop]: value };
      assert.equal(renderMessageTemplate(`<{${prop}}>`, properties), `<"${value.replace(/"/g, '\\"')}">`);
      assert.equal(renderMessageTemplate(`<{${prop}:l}>`, properties), `<${value}>`);
      const aligned = renderMessageTemplate(`{${prop},${width}:l}`, properties);
      assert.ok(aligned.length >= Math.min(Math.abs(width), Math.max(Math.abs(width), value.length)));
      assert.equal(width < 0 ? aligned.trimEnd() : aligned.trimStart(), width < 0 ? value.trimEnd() : value.trimStart());
    }));
  });

  it('property: never throws, and every hole is either rendered or kept', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.dictionary(name, fc.jsonValue({ maxDepth: 3 })), (template, properties) => {
      const rendered = renderMessageTemplate(template, properties);
      assert.equal(typeof rendered, 'string');
      for (const token of parseMessageTemplate(template)) {
        if (token.kind === 'hole' && !Object.hasOwn(properties, token.name)) assert.ok(rendered.includes(token.raw));
      }
    }));
  });

  it('property: numbers render as JavaScript prints them when unformatted', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
      assert.equal(renderMessageTemplate('{N}', { N: n }), String(n));
    }));
  });
});
