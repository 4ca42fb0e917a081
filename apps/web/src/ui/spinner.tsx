import type { CSSProperties } from 'react';

/** A small spinner; `label` is read by screen readers (empty string: decorative). */
export function Spinner({ size = 16, label = 'Loading' }: { size?: number; label?: string }) {
  const style: CSSProperties = { width: size, height: size };
  return (
    <span
      className="spinner"
      style={style}
      role={label ? 'status' : undefined}
      aria-label={label || undefined}
      aria-hidden={label ? undefined : true}
    />
  );
}

/** A grey placeholder block with the size of the content it stands in for. */
export function Skeleton({ width = '100%', height = 12 }: { width?: number | string; height?: number }) {
  return <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
}

/** Table rows of skeletons while a list loads, so the table doesn't jump when data arrives. */
export function SkeletonRows({ rows = 5, columns }: { rows?: number; columns: number }) {
  return (
    <>
      {Array.from({ length: rows }, (_, r) => (
        <tr key={r} className="skeleton-row" aria-hidden="true">
          {Array.from({ length: columns }, (_, c) => (
            <td key={c}>
              <Skeleton width={c === 0 ? '60%' : '40%'} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}
