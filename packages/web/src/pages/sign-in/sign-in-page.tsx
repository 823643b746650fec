// The sign-in form, shown in place of the page when the server wants to know
// who is there. The address is left alone, so once signed in the page the
// user asked for (with all its state) simply renders.
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { signIn, type Credentials, type SessionInfo, type SignInMethod } from '../../api/session.ts';

const LABELS: Record<SignInMethod, string> = { password: 'User name and password', key: 'An API key' };

/** Words for a refused sign-in, read out by screen readers through the alert region. */
function messageOf(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfterSeconds;
    return `Too many failed sign-ins from this address. Try again in ${wait ?? 60} second${wait === 1 ? '' : 's'}.`;
  }
  if (error instanceof ApiError) return error.message;
  return `Tinsel did not answer (${error instanceof Error ? error.message : String(error)}). Check that it is running.`;
}

/** Radio buttons styled as a switch, like the signal switch of Search. */
function MethodSwitch({ offered, method, onChange }: { offered: SignInMethod[]; method: SignInMethod; onChange: (m: SignInMethod) => void }) {
  return (
    <fieldset className="signal-switch sign-in-method">
      <legend className="visually-hidden">Sign in with</legend>
      {offered.map((m) => (
        <label key={m} className={m === method ? 'active' : undefined}>
          <input type="radio" name="sign-in-method" value={m} checked={m === method} onChange={() => onChange(m)} />
          {LABELS[m]}
        </label>
      ))}
    </fieldset>
  );
}

export interface SignInPageProps {
  /** What the server accepts; null while it has not said (both are offered). */
  methods: SignInMethod[] | null;
  /** The session was refused while in use (expired, signed out elsewhere, key revoked). */
  ended: boolean;
  onSignedIn: (info: SessionInfo) => void;
}

/** Sign in with a user name and password, or an API key. */
export function SignInPage({ methods, ended, onSignedIn }: SignInPageProps) {
  const offered: SignInMethod[] = methods !== null && methods.length > 0 ? methods : ['password', 'key'];
  const [chosen, setChosen] = useState<SignInMethod>('password');
  const method = offered.includes(chosen) ? chosen : offered[0]!;
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const userInput = useRef<HTMLInputElement>(null);
  const secretInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Emptied first, so the same message twice is still a change the alert region reads out.
    setError('');
    const missing = method === 'password' ? (user.trim() === '' ? userInput : password === '' ? secretInput : null) : key.trim() === '' ? secretInput : null;
    if (missing !== null) {
      setError(method === 'password' ? 'Enter your user name and password.' : 'Enter an API key.');
      missing.current?.focus();
      return;
    }
    const credentials: Credentials = method === 'password' ? { user: user.trim(), password } : { key: key.trim() };
    setBusy(true);
    try {
      onSignedIn(await signIn(credentials));
    } catch (refused) {
      setBusy(false);
      setError(messageOf(refused));
      if (method === 'password') setPassword('');
      secretInput.current?.focus();
    }
  };

  const invalid = error !== '' ? true : undefined;
  return (
    <div className="sign-in">
      <form className="panel stack sign-in-form" aria-labelledby="sign-in-title" onSubmit={submit} noValidate>
        <h1 id="sign-in-title">Sign in to Tinsel</h1>
        <p className="muted">{ended ? 'Your session has ended. Sign in again to carry on where you were.' : 'This Tinsel asks who you are. Once signed in, you go on to the page you opened.'}</p>
        {offered.length > 1 && (
          <MethodSwitch
            offered={offered}
            method={method}
            onChange={(m) => {
              setChosen(m);
              setError('');
            }}
          />
        )}
        {method === 'password' ? (
          <>
            <div className="field">
              <label htmlFor="sign-in-user">User name</label>
              <input id="sign-in-user" ref={userInput} name="username" autoComplete="username" autoFocus value={user} onChange={(e) => setUser(e.target.value)} aria-invalid={invalid} aria-describedby="sign-in-error" />
            </div>
            <div className="field">
              <label htmlFor="sign-in-password">Password</label>
              <input id="sign-in-password" ref={secretInput} type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={invalid} aria-describedby="sign-in-error" />
            </div>
          </>
        ) : (
          <div className="field">
            <label htmlFor="sign-in-key">API key</label>
            <input id="sign-in-key" ref={secretInput} type="password" autoComplete="off" spellCheck={false} autoFocus value={key} onChange={(e) => setKey(e.target.value)} aria-invalid={invalid} aria-describedby="sign-in-error sign-in-key-hint" />
            <span id="sign-in-key-hint" className="muted small">
              A key with the read scope, as given by whoever runs this Tinsel.
            </span>
          </div>
        )}
        <p id="sign-in-error" className="error-text sign-in-error" role="alert" aria-live="assertive">
          {error}
        </p>
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
