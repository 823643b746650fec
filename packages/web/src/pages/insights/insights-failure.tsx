// How the insights and alerts pages say that their answer did not come:
// a server without insights is a state to explain, not an error.
import { ApiError } from '../../api/index.ts';

/** True when the server runs without insights (503 TINSEL_ERR_INSIGHTS_DISABLED). */
export function insightsDisabled(error: Error): boolean {
  return error instanceof ApiError && error.code === 'TINSEL_ERR_INSIGHTS_DISABLED';
}

/** The message for a failed insights or alerts call. */
export function InsightsFailure({ error }: { error: Error }) {
  if (insightsDisabled(error)) {
    return (
      <div className="panel" role="status">
        <p>
          <strong>This server runs without insights.</strong>
        </p>
        <p className="muted">
          Anomaly detection, incidents, alert rules and silences run inside <code>tinsel serve</code> and <code>tinsel demo</code>; this Tinsel was started without them (see docs/insights.md).
        </p>
      </div>
    );
  }
  return (
    <p className="error-text" role="alert">
      {error.message}
    </p>
  );
}
