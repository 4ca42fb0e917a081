import type { ReactNode } from 'react';
import { EmptyState } from '../../ui/empty-state.js';
import { LockIcon } from './settings-icons.js';

/** What a tab shows when the server answered 403: who may see it, instead of a raw error. */
export function NoAccess({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="card" role="status">
      <EmptyState icon={<LockIcon size={24} />} title={title}>
        {children}
      </EmptyState>
    </div>
  );
}
