// `tinsel hash-password` as a user runs it: the password on stdin, the hash
// on stdout, ready for auth.users, and never the password in an argument.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { validateConfig } from '../config/validate-config.ts';
import { verifyPassword } from './password-hash.ts';

const bin = new URL('../../bin/tinsel.js', import.meta.url).pathname;

function hashPasswordCli(stdin: string, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'hash-password', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('tinsel hash-password', () => {
  it('prints a hash of the first line of stdin that auth.users accepts and that verifies', async () => {
    const { code, stdout, stderr } = await hashPasswordCli('open sesame 42\nsecond line ignored\n');
    assert.equal(code, 0, stderr);
    const hash = stdout.trim();
    assert.match(hash, /^scrypt\$32768\$8\$1\$/);
    assert.ok(!stdout.includes('open sesame') && !stderr.includes('open sesame'));
    assert.equal(await verifyPassword('open sesame 42', hash), true);
    assert.ok(validateConfig({ auth: { users: [{ name: 'ana', passwordHash: hash, scopes: ['read'] }] } }, '.').ok);
  });

  it('refuses a short password and a password given as an argument', async () => {
    const short = await hashPasswordCli('short\n');
    assert.equal(short.code, 1);
    assert.match(short.stderr, /shorter than 8 characters/);
    const argument = await hashPasswordCli('', ['open sesame 42']);
    assert.equal(argument.code, 1);
    assert.match(argument.stderr, /read from stdin, never from an argument/);
  });
});
