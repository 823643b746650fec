import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SCRYPT_COST, hashPassword, passwordHashProblem, verifyPassword } from './password-hash.ts';

// A low cost keeps the tests quick; the cost travels inside the hash, so checking works the same.
const CHEAP = { N: 1024, r: 8, p: 1 };

describe('password hashes', () => {
  it('writes a self-describing scrypt string that verifies only the same password', async () => {
    const hash = await hashPassword('correct horse battery', CHEAP);
    assert.match(hash, /^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.equal(await verifyPassword('correct horse battery', hash), true);
    for (const wrong of ['correct horse batter', 'Correct horse battery', 'correct horse battery ', '']) assert.equal(await verifyPassword(wrong, hash), false, wrong);
  });

  it('salts every hash, so one password gives different strings', async () => {
    const [a, b] = [await hashPassword('same password', CHEAP), await hashPassword('same password', CHEAP)];
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('same password', b), true);
  });

  it('uses the default cost unless told, and treats composed and decomposed accents alike', async () => {
    const hash = await hashPassword('caf\u00e9 au lait');
    assert.ok(hash.startsWith(`scrypt$${DEFAULT_SCRYPT_COST.N}$${DEFAULT_SCRYPT_COST.r}$${DEFAULT_SCRYPT_COST.p}$`));
    assert.equal(await verifyPassword('cafe\u0301 au lait', hash), true);
  });

  it('says what is wrong with a hash it cannot use, and never verifies against one', async () => {
    const good = await hashPassword('whatever-it-is', CHEAP);
    assert.equal(passwordHashProblem(good), null);
    assert.match(passwordHashProblem('plain-text-password')!, /expected scrypt\$N\$r\$p/);
    assert.match(passwordHashProblem(good.replace('$1024$', '$1000$'))!, /power of two/);
    assert.match(passwordHashProblem(good.replace('$1024$8$', '$1048576$8$'))!, /more than 128 MiB/);
    assert.equal(await verifyPassword('whatever-it-is', good.replace('$1024$', '$1000$')), false);
    assert.equal(await verifyPassword('whatever-it-is', 'sha256:abc'), false);
  });
});
