import { hashPassword } from '../auth/password-hash.ts';

const MIN_LENGTH = 8;

/**
 * `tinsel hash-password`: reads a password from stdin and prints its scrypt
 * hash for `auth.users[].passwordHash`. On a terminal it asks twice without
 * echoing; from a pipe it takes the first line, so the password never
 * appears in the shell's history or the process list.
 *
 * @example
 * printf '%s\n' "$PASSWORD" | tinsel hash-password   # scrypt$32768$8$1$…
 */
export async function runHashPassword(args: string[]): Promise<number> {
  if (args.length > 0) throw new Error('usage: tinsel hash-password (the password is read from stdin, never from an argument)');
  const password = process.stdin.isTTY ? await askTwice() : firstLine(await readAll());
  if (password.length < MIN_LENGTH) throw new Error(`the password is shorter than ${MIN_LENGTH} characters`);
  process.stdout.write(`${await hashPassword(password)}\n`);
  return 0;
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

async function askTwice(): Promise<string> {
  const first = await ask('Password: ');
  const second = await ask('Same password again: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}

/** One line typed on the terminal with echo off; Ctrl+C gives up. */
function ask(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  let typed = '';
  return new Promise((resolve, reject) => {
    const done = (error: Error | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return done(null);
        if (char === '\u0003') return done(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
