import { Link, useTitle } from '../router.js';
import { EmptyState } from '../ui/empty-state.js';

export function NotFoundPage() {
  useTitle('Not found');
  return (
    <div className="page">
      <div className="card">
        <EmptyState
          title="This page does not exist"
          actions={<Link to="/workflows">Go to your workflows</Link>}
        >
          The link may be old, or the workflow or execution was deleted.
        </EmptyState>
      </div>
    </div>
  );
}
