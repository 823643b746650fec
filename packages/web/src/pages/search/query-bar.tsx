// The TQL box: the query as typed, run on Enter; a parse error is drawn under
// the column it names, and a query that ran is read back in English.
import { useEffect, useState } from 'react';
import type { ApiError } from '../../api/api-error.ts';

interface QueryBarProps {
  query: string;
  onRun: (query: string) => void;
  error: ApiError | null;
  explanation: string | null;
}

/** The search box with its error marker and explanation. */
export function QueryBar({ query, onRun, error, explanation }: QueryBarProps) {
  const [text, setText] = useState(query);
  useEffect(() => setText(query), [query]);
  const column = error?.column ?? null;
  return (
    <form
      className="query-bar"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onRun(text);
      }}
    >
      <div className="row query-row">
        <label htmlFor="tql" className="visually-hidden">
          Query (TQL)
        </label>
        <input
          id="tql"
          className="mono tql-input"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder='Filter, e.g. status:>=500 tenant:acme "connection reset" (empty: everything)'
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error !== null}
          aria-describedby="tql-status"
        />
        <button type="submit" className="primary">
          Search
        </button>
      </div>
      <div id="tql-status" aria-live="polite">
        {error ? (
          <div className="query-error" data-testid="query-error" data-column={column ?? ''}>
            {column !== null && (
              <pre className="mono error-caret" aria-hidden="true">
                {`${query}\n${' '.repeat(Math.max(0, column - 1))}^`}
              </pre>
            )}
            <span className="error-text">
              {column !== null ? `Column ${column}: ` : ''}
              {error.message}
              {error.expected && !error.message.includes(error.expected) ? ` (expected ${error.expected})` : ''}
            </span>
          </div>
        ) : explanation ? (
          <p className="muted explanation" data-testid="query-explanation">
            {explanation}
          </p>
        ) : null}
      </div>
    </form>
  );
}
