// The graph view: a Cytoscape.js canvas drawing a neighborhood as the API
// returns it (entities, events and statements as nodes; the stored
// relationships as edges), with filters that hide rather than refetch.
import cytoscape, { type Core, type ElementDefinition, type EventObject, type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { EventType, GraphNode, Status, Subgraph } from './api';
import { kindColor, kindShape, statusColor, statusDash, typeColor, humanType, humanRelation } from './style';

cytoscape.use(fcose);

export interface Filters {
  types: Set<EventType>;
  statuses: Set<Status>;
  from: string; // YYYY-MM-DD or ''
  to: string;
  statements: boolean;
}

export interface ShowResult { nodes: number; edges: number; layout: string; layoutMs: number; renderMs: number }

// Above this many nodes the graph is drawn for speed rather than beauty:
// the layout stops after fcose's spectral step (a draft), labels and edges
// are hidden while panning, and edges are straight lines. Measured with
// BenchmarkExplorerLayout (docs/explorer.md).
export const largeGraph = 250;

// The date an event or statement is filed under: its own date, else the
// publication date of the article that reports it. YYYY-MM counts as the
// month's first day for filtering.
export function nodeDate(n: GraphNode): string {
  const d = n.node?.date || n.node?.published || n.node?.article?.published || '';
  return d.length === 7 ? d + '-01' : d;
}

function label(n: GraphNode): string {
  switch (n.kind) {
    case 'EVENT':
      return `${humanType(n.node?.type ?? 'OTHER')}\n${(n.node?.status ?? '').toLowerCase()}`;
    case 'STATEMENT': {
      // "Speaker: “words…”": keep the words, the SAID edge shows the speaker.
      const i = n.label.indexOf(': “');
      return i > 0 ? n.label.slice(i + 2) : n.label;
    }
    default:
      return n.node?.name ?? n.label;
  }
}

export function elements(sub: Subgraph, center: string): ElementDefinition[] {
  const els: ElementDefinition[] = [];
  const degree = new Map<string, number>();
  for (const e of sub.edges) {
    degree.set(e.from, (degree.get(e.from) ?? 0) + 1);
    degree.set(e.to, (degree.get(e.to) ?? 0) + 1);
  }
  for (const n of sub.nodes) {
    const lbl = label(n);
    els.push({
      group: 'nodes',
      data: {
        id: n.id,
        kind: n.kind,
        label: lbl,
        depth: n.depth,
        etype: n.node?.type ?? '',
        status: n.node?.status ?? '',
        date: nodeDate(n),
        center: n.id === center ? 1 : 0,
        degree: degree.get(n.id) ?? 0,
        // Event pills fit their label; Cytoscape cannot size to wrapped text.
        w: n.kind === 'EVENT' ? Math.max(64, 7 * Math.max(...lbl.split('\n').map((l) => l.length)) + 18) : 0,
      },
    });
  }
  const ids = new Set(sub.nodes.map((n) => n.id));
  for (const e of sub.edges) {
    if (!ids.has(e.from) || !ids.has(e.to)) continue;
    els.push({ group: 'edges', data: { id: e.id, source: e.from, target: e.to, type: e.type, label: humanRelation(e.type) } });
  }
  return els;
}

function stylesheet(large: boolean): cytoscape.StylesheetJson {
  const s: cytoscape.StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': '"Inter Variable", Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        'font-size': 11,
        color: '#1e293b',
        'text-valign': 'bottom',
        'text-margin-y': 5,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'min-zoomed-font-size': large ? 9 : 6,
        width: 'mapData(degree, 1, 20, 26, 44)',
        height: 'mapData(degree, 1, 20, 26, 44)',
        'border-width': 2,
        'border-color': '#ffffff',
      },
    },
  ];
  for (const k of ['PERSON', 'COUNTRY', 'ORGANIZATION', 'PLACE', 'ARTICLE'] as const) {
    s.push({ selector: `node[kind = "${k}"]`, style: { 'background-color': kindColor[k], shape: kindShape[k], 'font-size': 12, 'font-weight': 500 } });
  }
  s.push(
    {
      selector: 'node[kind = "EVENT"]',
      style: {
        shape: 'round-rectangle',
        width: 'data(w)',
        height: 34,
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-wrap': 'wrap',
        'text-background-opacity': 0,
        'font-size': 10.5,
        'font-weight': 600,
        'line-height': 1.25,
        'border-width': 2.5,
        'border-style': 'solid',
      },
    },
    {
      selector: 'node[kind = "STATEMENT"]',
      style: {
        shape: 'round-tag',
        width: 16,
        height: 16,
        'background-color': '#cbd5e1',
        'border-color': '#94a3b8',
        'border-width': 1,
        'font-size': 9.5,
        color: '#475569',
        'font-style': 'italic',
        'text-max-width': '120px',
        'min-zoomed-font-size': large ? 14 : 9,
      },
    },
  );
  for (const [t, c] of Object.entries(typeColor)) s.push({ selector: `node[etype = "${t}"]`, style: { 'background-color': c } });
  for (const [st, c] of Object.entries(statusColor)) {
    s.push({ selector: `node[kind = "EVENT"][status = "${st}"]`, style: { 'border-color': c, 'border-style': statusDash[st as Status] } });
  }
  s.push(
    {
      selector: 'node[center = 1]',
      style: { width: 54, height: 54, 'font-size': 14, 'font-weight': 700, 'border-width': 4, 'border-color': '#0f172a' },
    },
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'line-color': '#cbd5e1',
        'curve-style': large ? 'haystack' : 'bezier',
        'target-arrow-shape': large ? 'none' : 'triangle',
        'target-arrow-color': '#cbd5e1',
        'arrow-scale': 0.7,
        label: 'data(label)',
        'font-size': 8.5,
        color: '#64748b',
        'text-rotation': 'autorotate',
        'text-background-color': '#f8fafc',
        'text-background-opacity': 1,
        'text-background-padding': '1px',
        'min-zoomed-font-size': large ? 12 : 7,
      },
    },
    { selector: 'edge[type = "SUPPLIER"], edge[type = "RECIPIENT"]', style: { 'line-color': '#f87171', 'target-arrow-color': '#f87171' } },
    { selector: 'edge[type = "ASSERTED_BY"], edge[type = "DENIES"]', style: { 'line-color': '#c4b5fd', 'target-arrow-color': '#c4b5fd', 'line-style': 'dashed' } },
    {
      // Statement edges are many; their labels wait for a closer zoom.
      selector: 'edge[type = "SAID"], edge[type = "ABOUT"], edge[type = "CLAIMED_IN"]',
      style: { 'line-color': '#e2e8f0', 'target-arrow-color': '#e2e8f0', 'line-style': 'dotted', 'min-zoomed-font-size': 14 },
    },
    { selector: 'edge[type = "COUNTRY"], edge[type = "LEADER_OF"], edge[type = "MEMBER_OF"]', style: { 'line-color': '#86efac', 'target-arrow-color': '#86efac' } },
    { selector: '.faded', style: { opacity: 0.25 } },
    { selector: 'edge.near', style: { width: 2.4, 'line-color': '#64748b', 'target-arrow-color': '#64748b', color: '#334155', 'z-index': 10, 'min-zoomed-font-size': 0 } },
    { selector: 'node:selected', style: { 'overlay-color': '#0ea5e9', 'overlay-opacity': 0.18, 'overlay-padding': 6, 'border-color': '#0ea5e9', 'border-width': 4 } },
    { selector: 'edge:selected', style: { width: 3.5, 'line-color': '#0ea5e9', 'target-arrow-color': '#0ea5e9', color: '#0369a1' } },
    { selector: '.hidden', style: { display: 'none' } },
  );
  return s;
}

// fcose (force-directed, with a spectral start): its full quality up to
// largeGraph nodes, its spectral draft beyond. The center is pinned to the
// middle so the neighborhood grows around it.
export function layoutFor(n: number, center?: string): LayoutOptions {
  const pin = center ? { fixedNodeConstraint: [{ nodeId: center, position: { x: 0, y: 0 } }] } : {};
  if (n > largeGraph) {
    return {
      name: 'fcose', quality: 'draft', randomize: true, animate: false, fit: true, padding: 30,
      nodeRepulsion: 4500, idealEdgeLength: 50, packComponents: true,
    } as LayoutOptions;
  }
  return {
    name: 'fcose', quality: 'default', randomize: true, animate: false, fit: true, padding: 48,
    nodeRepulsion: 16000, idealEdgeLength: 120, edgeElasticity: 0.35, nodeSeparation: 110, gravity: 0.2, packComponents: true,
    ...pin,
  } as unknown as LayoutOptions;
}

// Runs a layout with Math.random seeded by the center's id, so that the
// same neighborhood is drawn the same way every time (fcose has no seed).
function seeded(key: string, f: () => void) {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  let a = h >>> 0;
  const random = Math.random;
  Math.random = () => {
    // mulberry32
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    f();
  } finally {
    Math.random = random;
  }
}

// Layouts by name, for BenchmarkExplorerLayout to compare with the choice
// layoutFor makes.
export const layouts: Record<string, LayoutOptions> = {
  'fcose': { ...layoutFor(0) },
  'fcose-draft': { ...layoutFor(largeGraph + 1) },
  'cose': { name: 'cose', animate: false, randomize: true, fit: true, numIter: 1000 } as LayoutOptions,
  'concentric': { name: 'concentric', animate: false, fit: true, concentric: (n: cytoscape.NodeSingular) => -n.data('depth'), levelWidth: () => 1 } as LayoutOptions,
};

export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string; type: string; from: string; to: string } | null;

export class GraphView {
  cy: Core | null = null;
  private resize: ResizeObserver;
  constructor(private container: HTMLElement, private onSelect: (s: Selection) => void) {
    // The canvas changes size with the window, the panels and the tabs.
    this.resize = new ResizeObserver(() => this.cy?.resize());
    this.resize.observe(container);
  }

  show(sub: Subgraph, center: string, layout?: LayoutOptions): ShowResult {
    const t0 = performance.now();
    this.cy?.destroy();
    const large = sub.nodes.length > largeGraph;
    const cy = cytoscape({
      container: this.container,
      elements: elements(sub, center),
      style: stylesheet(large),
      layout: { name: 'preset' },
      minZoom: 0.05,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      // Large graphs stay responsive while panning and zooming.
      hideEdgesOnViewport: large,
      textureOnViewport: large,
      pixelRatio: large ? 1 : 'auto',
      selectionType: 'single',
      boxSelectionEnabled: false,
    });
    this.cy = cy;
    // Canvas text does not redraw by itself when the web font arrives.
    document.fonts?.ready.then(() => {
      if (this.cy === cy) cy.style().update();
    });
    const lo = layout ?? layoutFor(sub.nodes.length, center);
    const t1 = performance.now();
    seeded(center, () => cy.layout(lo).run());
    const t2 = performance.now();
    cy.on('tap', 'node', (e: EventObject) => this.onSelect({ kind: 'node', id: e.target.id() }));
    cy.on('tap', 'edge', (e: EventObject) => {
      const d = e.target.data();
      this.onSelect({ kind: 'edge', id: d.id, type: d.type, from: d.source, to: d.target });
    });
    cy.on('tap', (e: EventObject) => {
      if (e.target === cy) this.onSelect(null);
    });
    return {
      nodes: sub.nodes.length,
      edges: sub.edges.length,
      layout: `${(lo as { name: string }).name}${(lo as { quality?: string }).quality ? '/' + (lo as { quality?: string }).quality : ''}`,
      layoutMs: t2 - t1,
      renderMs: t1 - t0,
    };
  }

  // Hides events and statements the filters exclude, then entities left
  // with no visible neighbour (the center always stays). Plain sets and
  // one pass over the edges: collections per node are slow at thousands.
  filter(f: Filters): { shown: number; total: number } {
    const cy = this.cy;
    if (!cy) return { shown: 0, total: 0 };
    const hidden = new Set<string>();
    const nodes = cy.nodes();
    nodes.forEach((n) => {
      const d = n.data();
      let keep = true;
      if (d.kind === 'EVENT') keep = f.types.has(d.etype) && f.statuses.has(d.status);
      else if (d.kind === 'STATEMENT') keep = f.statements;
      if (keep && (d.kind === 'EVENT' || d.kind === 'STATEMENT') && (f.from || f.to)) {
        keep = !!d.date && (!f.from || d.date >= f.from) && (!f.to || d.date.slice(0, f.to.length) <= f.to);
      }
      if (!keep) hidden.add(d.id);
    });
    if (hidden.size) {
      // An entity stays if an edge joins it to a node that stays.
      const linked = new Set<string>();
      cy.edges().forEach((e) => {
        const s = e.data('source') as string;
        const t = e.data('target') as string;
        if (!hidden.has(s) && !hidden.has(t)) {
          linked.add(s);
          linked.add(t);
        }
      });
      nodes.forEach((n) => {
        const d = n.data();
        if (d.kind !== 'EVENT' && d.kind !== 'STATEMENT' && d.center !== 1 && !linked.has(d.id)) hidden.add(d.id);
      });
    }
    cy.batch(() => {
      nodes.forEach((n) => {
        const h = hidden.has(n.id());
        if (h !== n.hasClass('hidden')) n.toggleClass('hidden', h);
      });
    });
    return { shown: nodes.length - hidden.size, total: nodes.length };
  }

  // Selects an element and dims everything not next to it (except for the
  // center, whose neighborhood is the whole graph).
  highlight(id: string | null) {
    const cy = this.cy;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('faded near');
      cy.elements().unselect();
      if (!id) return;
      const el = cy.getElementById(id);
      if (el.empty()) return;
      el.select();
      if (el.isNode() && el.data('center') === 1) return;
      const near = el.isNode() ? el.closedNeighborhood() : (el as cytoscape.EdgeSingular).union((el as cytoscape.EdgeSingular).connectedNodes());
      cy.elements().not(near).addClass('faded');
      near.edges().addClass('near');
    });
  }

  // What is drawn, for the browser test: each node with its page position.
  drawn(offset: { left: number; top: number }) {
    const cy = this.cy;
    if (!cy) return [];
    return cy.nodes().map((n) => {
      const p = n.renderedPosition();
      const d = n.data();
      return {
        id: d.id as string,
        kind: d.kind as string,
        label: (n.data('label') as string).replace('\n', ' '),
        type: d.etype as string,
        status: d.status as string,
        x: p.x + offset.left,
        y: p.y + offset.top,
        shown: n.visible(),
        neighbors: n.neighborhood('node').map((m) => m.id()),
      };
    });
  }

  // Milliseconds per frame while zooming in and out: what panning a large
  // graph feels like (BenchmarkExplorerLayout).
  async frameTime(frames = 20): Promise<number> {
    const cy = this.cy;
    if (!cy) return 0;
    const raf = () => new Promise<number>((r) => requestAnimationFrame(r));
    await raf();
    const z = cy.zoom();
    const start = await raf();
    for (let i = 0; i < frames; i++) {
      cy.zoom({ level: z * (i % 2 ? 1.05 : 0.95), renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      await raf();
    }
    const end = await raf();
    cy.zoom(z);
    return (end - start) / (frames + 1);
  }

  fit() {
    this.cy?.fit(undefined, 40);
  }

  relayout() {
    const cy = this.cy;
    if (!cy) return;
    const visible = cy.elements(':visible');
    visible.layout({ ...layoutFor(visible.nodes().length), randomize: false } as LayoutOptions).run();
  }

  clear() {
    this.cy?.destroy();
    this.cy = null;
  }

  destroy() {
    this.resize.disconnect();
    this.cy?.destroy();
    this.cy = null;
  }
}
