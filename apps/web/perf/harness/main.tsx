import { StrictMode, Suspense, lazy, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * Stand-alone host for the editor (perf script and editor tests before the app shell lands):
 * a minimal path router that renders the editor lazily, like the shell does.
 */
const EditorPage = lazy(() => import('../../src/editor/index.js').then((m) => ({ default: m.EditorPage })));

function usePath(): [string, (p: string) => void] {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const on = () => setPath(location.pathname);
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  return [path, (p) => { history.pushState(null, '', p); setPath(p); }];
}

function App() {
  const [path, navigate] = usePath();
  const wf = /^\/workflows\/([^/]+)$/.exec(path);
  const ex = /^\/executions\/([^/]+)$/.exec(path);
  if (!wf && !ex) return <p style={{ padding: 20 }}>Harness: open /workflows/new, /workflows/:id or /executions/:id. <a href="/workflows/new">New</a></p>;
  return (
    <div style={{ height: '100vh' }}>
      <Suspense fallback={<p>Loading…</p>}>
        <EditorPage
          workflowId={wf && wf[1] !== 'new' ? wf[1] : undefined}
          executionId={ex ? ex[1] : undefined}
          api={undefined}
          navigate={navigate}
        />
      </Suspense>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
