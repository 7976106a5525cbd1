// The graph tab: the neighborhood of one entity, filters, the details of
// what is selected, and the timeline of the selected entity.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { eventTypes, neighborhood, overview, statuses, type EventType, type Overview, type Status, type Subgraph } from './api';
import { Details, isEntityId } from './Details';
import { GraphView, layouts, nodeDate, type Filters, type Selection, type ShowResult } from './graph';
import { Timeline } from './Timeline';
import { humanKind, humanType, kindColor, kindShape, statusColor, statusDash, typeColor } from './style';

export interface Props {
  center: string | null;
  depth: number;
  limit: number;
  onNavigate: (p: { center?: string; depth?: number; limit?: number }) => void;
  onOpenQuery: (query: string, variables: Record<string, unknown>) => void;
}

declare global {
  interface Window {
    // For the browser test and the layout benchmark (docs/explorer.md).
    geokgExplorer?: {
      show(sub: Subgraph, layout?: string): Promise<ShowResult & { frameMs: number }>;
      nodes(): ReturnType<GraphView['drawn']>;
      // ready: the neighborhood asked for is drawn.
      state(): { center: string | null; nodes: number; ready: boolean; selection: Selection; last: ShowResult | null };
    };
  }
}

const allFilters = (): Filters => ({ types: new Set(eventTypes), statuses: new Set(statuses), from: '', to: '', statements: true });

export function Explorer({ center, depth, limit, onNavigate, onOpenQuery }: Props) {
  const canvas = useRef<HTMLDivElement>(null);
  const view = useRef<GraphView | null>(null);
  const [sub, setSub] = useState<Subgraph | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const [selection, setSelection] = useState<Selection>(null);
  const [filters, setFilters] = useState<Filters>(allFilters);
  const [stats, setStats] = useState<ShowResult | null>(null);
  const [shown, setShown] = useState<{ shown: number; total: number } | null>(null);
  const [home, setHome] = useState<Overview | null>(null);

  // The view lives as long as the component; selection flows back as state.
  useEffect(() => {
    view.current = new GraphView(canvas.current!, setSelection);
    return () => view.current?.destroy();
  }, []);

  useEffect(() => {
    if (center) return;
    const ctl = new AbortController();
    overview(ctl.signal).then(setHome, () => {});
    return () => ctl.abort();
  }, [center]);

  useEffect(() => {
    if (!center) {
      setSub(null);
      setSelection(null);
      view.current?.clear();
      return;
    }
    const ctl = new AbortController();
    setLoading(true);
    setError('');
    neighborhood(center, depth, limit, ctl.signal)
      .then((s) => {
        setSub(s);
        // The center's own details first: who it is, what it said.
        setSelection(s.nodes.length ? { kind: 'node', id: s.nodes[0].id } : null);
      })
      .catch((e: Error) => {
        if (e.name !== 'AbortError') setError(e.message);
      })
      .finally(() => setLoading(false));
    return () => ctl.abort();
  }, [center, depth, limit]);

  const centerId = sub?.nodes[0]?.id ?? null;

  // Layout blocks the page for a large graph: say so first, then draw
  // once the browser has painted the message.
  const [drawing, setDrawing] = useState(false);
  const drawn = useRef<Subgraph | null>(null);
  useEffect(() => {
    if (!sub || !view.current) return;
    setDrawing(true);
    let live = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (!live || !view.current) return;
        const r = view.current.show(sub, sub.nodes[0]?.id ?? '');
        setStats(r);
        setShown(view.current.filter(filters));
        view.current.highlight(selection ? selection.id : null);
        drawn.current = sub;
        setDrawing(false);
      }, 0),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sub]);

  useEffect(() => {
    if (view.current) setShown(view.current.filter(filters));
  }, [filters]);

  useEffect(() => {
    view.current?.highlight(selection ? selection.id : null);
  }, [selection]);

  useEffect(() => {
    window.geokgExplorer = {
      show: async (s, layout) => {
        const v = view.current!;
        const r = v.show(s, s.nodes[0]?.id ?? '', layout ? layouts[layout] : undefined);
        setStats(r);
        return { ...r, frameMs: await v.frameTime() };
      },
      nodes: () => view.current?.drawn(canvas.current!.getBoundingClientRect()) ?? [],
      state: () => ({ center, nodes: sub?.nodes.length ?? 0, ready: !!sub && drawn.current === sub && !loading, selection, last: stats }),
    };
  }, [center, sub, loading, drawing, selection, stats]);

  const select = useCallback((id: string) => setSelection({ kind: 'node', id }), []);
  const recenter = useCallback((id: string) => onNavigate({ center: id }), [onNavigate]);

  // Counts for the filter chips, over the whole fetched neighborhood.
  const counts = useMemo(() => {
    const t = new Map<string, number>();
    const s = new Map<string, number>();
    let dated: string[] = [];
    for (const n of sub?.nodes ?? []) {
      if (n.kind !== 'EVENT') continue;
      t.set(n.node?.type ?? '', (t.get(n.node?.type ?? '') ?? 0) + 1);
      s.set(n.node?.status ?? '', (s.get(n.node?.status ?? '') ?? 0) + 1);
      const d = nodeDate(n);
      if (d) dated.push(d);
    }
    dated = dated.sort();
    return { t, s, min: dated[0] ?? '', max: dated[dated.length - 1] ?? '' };
  }, [sub]);

  // The timeline follows the selected entity, else the center.
  const timelineEntity = useMemo(() => {
    const id = selection?.kind === 'node' && isEntityId(selection.id) ? selection.id : centerId;
    if (!id) return null;
    const n = sub?.nodes.find((x) => x.id === id);
    return { id, name: n?.node?.name ?? n?.label ?? id };
  }, [selection, centerId, sub]);

  const toggle = <T,>(set: Set<T>, v: T, only: boolean): Set<T> => {
    if (only) return new Set([v]);
    const n = new Set(set);
    if (n.has(v)) n.delete(v);
    else n.add(v);
    return n;
  };

  const centerName = sub?.nodes[0]?.node?.name ?? sub?.nodes[0]?.label;

  return (
    <div className="explorer">
      <div className="stage">
        <div className="toolbar">
          <div className="group">
            <span className="label">Depth</span>
            <div className="segmented" role="radiogroup" aria-label="Depth">
              {[1, 2, 3].map((d) => (
                <button key={d} role="radio" aria-checked={d === depth} className={d === depth ? 'on' : ''} onClick={() => onNavigate({ depth: d })}>
                  {d}
                </button>
              ))}
            </div>
            <select aria-label="Node limit" value={limit} onChange={(e) => onNavigate({ limit: Number(e.target.value) })}>
              {[100, 300, 1000].map((l) => (
                <option key={l} value={l}>
                  ≤ {l} nodes
                </option>
              ))}
            </select>
          </div>
          <div className="group wrap" aria-label="Event types">
            {eventTypes
              .filter((t) => counts.t.has(t))
              .map((t) => (
                <button
                  key={t}
                  className={`fchip${filters.types.has(t) ? ' on' : ''}`}
                  title="Click to toggle, Alt-click to show only this type"
                  onClick={(e) => setFilters((f) => ({ ...f, types: toggle<EventType>(f.types, t, e.altKey) }))}
                >
                  <span className="swatch" style={{ background: typeColor[t] }} />
                  {humanType(t)} <span className="n">{counts.t.get(t)}</span>
                </button>
              ))}
          </div>
          <div className="group wrap" aria-label="Statuses">
            {statuses
              .filter((s) => counts.s.has(s))
              .map((s) => (
                <button
                  key={s}
                  className={`fchip status-chip${filters.statuses.has(s) ? ' on' : ''}`}
                  style={{ '--c': statusColor[s] } as React.CSSProperties}
                  title="Click to toggle, Alt-click to show only this status"
                  onClick={(e) => setFilters((f) => ({ ...f, statuses: toggle<Status>(f.statuses, s, e.altKey) }))}
                >
                  <span className={`swatch line ${statusDash[s]}`} />
                  {s.toLowerCase()} <span className="n">{counts.s.get(s)}</span>
                </button>
              ))}
          </div>
          <div className="group">
            <label className="date">
              from <input type="date" value={filters.from} min={counts.min} max={counts.max} onChange={(e) => setFilters((f) => ({ ...f, from: e.target.value }))} />
            </label>
            <label className="date">
              to <input type="date" value={filters.to} min={counts.min} max={counts.max} onChange={(e) => setFilters((f) => ({ ...f, to: e.target.value }))} />
            </label>
            <label className="check">
              <input type="checkbox" checked={filters.statements} onChange={(e) => setFilters((f) => ({ ...f, statements: e.target.checked }))} /> statements
            </label>
            {(filters.from || filters.to || filters.types.size < eventTypes.length || filters.statuses.size < statuses.length || !filters.statements) && (
              <button className="link" onClick={() => setFilters(allFilters())}>
                reset
              </button>
            )}
          </div>
        </div>

        <div className="canvas-wrap">
          <div className="canvas" ref={canvas} data-testid="graph" />
          {!center && <Welcome home={home} onPick={recenter} />}
          {loading && <div className="overlay-msg">Loading the neighborhood…</div>}
          {drawing && !loading && sub && <div className="overlay-msg">Drawing {sub.nodes.length} nodes…</div>}
          {error && <div className="overlay-msg error">{error}</div>}
          {sub && !loading && !drawing && (
            <>
              <div className="canvas-info">
                <b>{centerName}</b>
                <span>
                  {shown && shown.shown < shown.total ? `${shown.shown} of ${shown.total}` : sub.nodes.length} nodes · {sub.edges.length} edges
                  {sub.truncated && <em title="More nodes were within reach; raise the limit or lower the depth"> · truncated</em>}
                </span>
                {stats && <span className="muted">layout {stats.layout} {Math.round(stats.layoutMs)} ms</span>}
              </div>
              <div className="canvas-actions">
                <button onClick={() => view.current?.fit()} title="Fit the graph to the window">Fit</button>
                <button onClick={() => view.current?.relayout()} title="Lay out the visible nodes again">Re-layout</button>
                <button
                  onClick={() => onOpenQuery(neighborhoodExample, { id: center, depth, limit })}
                  title="Open this neighborhood's query in the GraphQL editor"
                >
                  Query ↗
                </button>
              </div>
              <Legend />
            </>
          )}
        </div>
        <Timeline entity={timelineEntity} filters={filters} selected={selection?.id ?? null} onSelect={select} />
      </div>
      <Details selection={selection} onSelect={select} onCenter={recenter} center={centerId} />
    </div>
  );
}

const neighborhoodExample = `query Neighborhood($id: String!, $depth: Int!, $limit: Int!) {
  neighborhood(id: $id, depth: $depth, limit: $limit) {
    truncated
    nodes { id kind label depth }
    edges { from to type }
  }
}
`;

function Legend() {
  const kinds = ['PERSON', 'COUNTRY', 'ORGANIZATION', 'PLACE'] as const;
  return (
    <div className="legend" aria-label="Legend">
      {kinds.map((k) => (
        <span key={k}>
          <i className={`shape ${kindShape[k]}`} style={{ background: kindColor[k] }} />
          {humanKind(k)}
        </span>
      ))}
      <span>
        <i className="shape pill" />
        Event
      </span>
      <span>
        <i className="shape round-tag" style={{ background: kindColor.STATEMENT }} />
        Statement
      </span>
    </div>
  );
}

function Welcome({ home, onPick }: { home: Overview | null; onPick: (id: string) => void }) {
  return (
    <div className="welcome">
      <h1>Explore the graph</h1>
      <p>
        Search for a person, country, organization or place above, or start from one of the most active entities. Every event and statement links back to the
        sentence it was read from.
      </p>
      {home && (
        <>
          <p className="totals">
            <b>{home.entities.totalCount}</b> entities · <b>{home.events.totalCount}</b> events · <b>{home.statements.totalCount}</b> statements · <b>{home.articles.totalCount}</b> articles
          </p>
          <div className="starts">
            {home.entities.edges.map(({ node: h }) => (
              <button key={h.id} className="chip big" onClick={() => onPick(h.id)}>
                <span className="dot" style={{ background: kindColor[h.type] }} />
                {h.name}
                <span className="n">{h.eventCount}</span>
              </button>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
