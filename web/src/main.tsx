// The geokg explorer: a graph view of the knowledge graph and a GraphQL
// editor, both over the server's /graphql. The state worth sharing lives
// in the URL fragment: #/graph?entity=person:kim-jong-un&depth=2, #/graphql.
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Explorer } from './Explorer';
import { Search } from './Search';
import './style.css';

const Editor = lazy(() => import('./Editor'));

interface Route {
  tab: 'graph' | 'graphql';
  center: string | null;
  depth: number;
  limit: number;
}

function parse(hash: string): Route {
  const [path, qs] = hash.replace(/^#\/?/, '').split('?');
  const p = new URLSearchParams(qs ?? '');
  const clamp = (v: string | null, lo: number, hi: number, d: number) => {
    const n = Number(v);
    return Number.isInteger(n) && n >= lo && n <= hi ? n : d;
  };
  return {
    tab: path === 'graphql' ? 'graphql' : 'graph',
    center: p.get('entity'),
    depth: clamp(p.get('depth'), 1, 3, 2),
    limit: clamp(p.get('limit'), 1, 1000, 300),
  };
}

function format(r: Route): string {
  if (r.tab === 'graphql') return '#/graphql';
  const p = new URLSearchParams();
  if (r.center) p.set('entity', r.center);
  if (r.depth !== 2) p.set('depth', String(r.depth));
  if (r.limit !== 300) p.set('limit', String(r.limit));
  const qs = p.toString();
  return '#/graph' + (qs ? '?' + qs : '');
}

function App() {
  const [route, setRoute] = useState(() => parse(location.hash));
  const [editor, setEditor] = useState<{ query?: string; variables?: string; n: number }>({ n: 0 });
  const [editorOpened, setEditorOpened] = useState(false);
  const [graphRoute, setGraphRoute] = useState<Route>(() => ({ ...parse(location.hash), tab: 'graph' }));

  useEffect(() => {
    const on = () => setRoute(parse(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);

  // The graph tab keeps its place while the editor is open.
  useEffect(() => {
    if (route.tab === 'graph') setGraphRoute(route);
    else setEditorOpened(true);
  }, [route]);

  const go = useCallback((r: Route) => {
    const h = format(r);
    if (h !== location.hash) location.hash = h;
    setRoute(r);
  }, []);

  const navigate = useCallback(
    (p: { center?: string; depth?: number; limit?: number }) => go({ ...graphRoute, ...p, tab: 'graph' }),
    [go, graphRoute],
  );

  const openQuery = useCallback(
    (query: string, variables: Record<string, unknown>) => {
      setEditor((e) => ({ query, variables: JSON.stringify(variables, null, 2), n: e.n + 1 }));
      go({ ...graphRoute, tab: 'graphql' });
    },
    [go, graphRoute],
  );

  return (
    <div className={`app tab-${route.tab}`}>
      <header className="top">
        <a className="brand" href="#/graph" onClick={(e) => { e.preventDefault(); go({ ...graphRoute, center: null, tab: 'graph' }); }}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <circle cx="6" cy="7" r="3" />
            <circle cx="18" cy="6" r="2.4" />
            <circle cx="15" cy="18" r="3.2" />
            <path d="M6 7 18 6M6 7l9 11M18 6l-3 12" />
          </svg>
          geokg <span>explorer</span>
        </a>
        <nav className="tabs" role="tablist">
          <button role="tab" aria-selected={route.tab === 'graph'} onClick={() => go({ ...graphRoute, tab: 'graph' })}>
            Graph
          </button>
          <button role="tab" aria-selected={route.tab === 'graphql'} onClick={() => go({ ...graphRoute, tab: 'graphql' })}>
            GraphQL
          </button>
        </nav>
        {route.tab === 'graph' && <Search onPick={(h) => navigate({ center: h.id })} />}
        <span className="api-link" title="The GraphQL endpoint the page and your clients use">
          POST /graphql
        </span>
      </header>
      <main>
        <div className="pane" hidden={route.tab !== 'graph'}>
          <Explorer center={graphRoute.center} depth={graphRoute.depth} limit={graphRoute.limit} onNavigate={navigate} onOpenQuery={openQuery} />
        </div>
        {route.tab === 'graphql' || editorOpened ? (
          <div className="pane" hidden={route.tab !== 'graphql'}>
            <Suspense fallback={<div className="overlay-msg">Loading the editor…</div>}>
              <Editor key={editor.n} query={editor.query} variables={editor.variables} />
            </Suspense>
          </div>
        ) : null}
      </main>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
