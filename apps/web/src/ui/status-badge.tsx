const LABELS: Record<string, string> = {
  queued: 'Queued',
  running: 'Running',
  waiting: 'Waiting',
  success: 'Succeeded',
  error: 'Failed',
  canceled: 'Canceled',
  crashed: 'Crashed',
};

const TONES: Record<string, string> = {
  queued: 'neutral',
  running: 'info',
  waiting: 'warning',
  success: 'success',
  error: 'danger',
  canceled: 'neutral',
  crashed: 'danger',
};

/** The status of an execution as a coloured pill (colour is never the only cue: it has a label). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge-${TONES[status] ?? 'neutral'}`} data-status={status}>
      <span className="badge-dot" aria-hidden="true" />
      {LABELS[status] ?? status}
    </span>
  );
}

export function statusLabel(status: string): string {
  return LABELS[status] ?? status;
}
