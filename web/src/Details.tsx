// The side panel: what the graph knows about the selected node or edge,
// and why: every evidence sentence with its span highlighted, grouped by
// the article it comes from.
import { useEffect, useState } from 'react';
import { detail, links, type Detail, type Evidence, type EventRef, type Ref, type Link, type Report } from './api';
import type { Selection } from './graph';
import { humanKind, humanRelation, humanType, kindColor, statusColor, typeColor } from './style';

interface Props {
  selection: Selection;
  onSelect: (id: string) => void;
  onCenter: (id: string) => void;
  center: string | null;
}

const cache = new Map<string, Promise<Detail | null>>();
function load(id: string): Promise<Detail | null> {
  let p = cache.get(id);
  if (!p) {
    p = detail(id);
    cache.set(id, p);
    p.catch(() => cache.delete(id));
  }
  return p;
}

export function clearDetailCache() {
  cache.clear();
}

const entityKinds = new Set(['person', 'country', 'org', 'place']);
export const isEntityId = (id: string) => entityKinds.has(id.slice(0, id.indexOf(':')));

export function Details({ selection, onSelect, onCenter, center }: Props) {
  if (!selection) {
    return (
      <aside className="details empty" aria-label="Details">
        <div className="hint">
          <h3>Nothing selected</h3>
          <p>Click a node to see what the articles say about it, or an edge to see why two nodes are linked.</p>
          <p>Every event keeps its <b>evidence</b>: the sentence, the exact span, the article, its epistemic <b>status</b> and who asserts it.</p>
        </div>
      </aside>
    );
  }
  if (selection.kind === 'edge') {
    return (
      <aside className="details" aria-label="Details">
        <EdgeDetails sel={selection} onSelect={onSelect} onCenter={onCenter} center={center} />
      </aside>
    );
  }
  return (
    <aside className="details" aria-label="Details">
      <NodeDetails id={selection.id} onSelect={onSelect} onCenter={onCenter} center={center} />
    </aside>
  );
}

function useDetail(id: string) {
  const [d, setD] = useState<Detail | null | undefined>(undefined);
  const [err, setErr] = useState('');
  useEffect(() => {
    let live = true;
    setD(undefined);
    setErr('');
    load(id).then(
      (v) => live && setD(v),
      (e: Error) => live && setErr(e.message),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return { d, err };
}

function NodeDetails({ id, onSelect, onCenter, center }: { id: string; onSelect: (id: string) => void; onCenter: (id: string) => void; center: string | null }) {
  const { d, err } = useDetail(id);
  if (err) return <p className="error">{err}</p>;
  if (d === undefined) return <p className="loading">Loading…</p>;
  if (d === null) return <p className="error">{id} is no longer in the graph.</p>;
  if (d.eventType) return <EventDetails d={d} onSelect={onSelect} />;
  if (d.speaker) return <StatementDetails d={d} onSelect={onSelect} />;
  return <EntityDetails d={d} onSelect={onSelect} onCenter={onCenter} isCenter={center === d.id} />;
}

function Chip({ r, onSelect }: { r: Ref; onSelect: (id: string) => void }) {
  return (
    <button className="chip" onClick={() => onSelect(r.id)} title={r.id}>
      <span className="dot" style={{ background: r.type ? kindColor[r.type] : '#94a3b8' }} />
      {r.name}
    </button>
  );
}

function Chips({ refs, onSelect }: { refs: (Ref | null | undefined)[]; onSelect: (id: string) => void }) {
  const list = refs.filter((r): r is Ref => !!r);
  if (!list.length) return <span className="none">—</span>;
  return (
    <span className="chips">
      {list.map((r) => (
        <Chip key={r.id} r={r} onSelect={onSelect} />
      ))}
    </span>
  );
}

export function StatusBadge({ s }: { s: string }) {
  return (
    <span className="status" style={{ color: statusColor[s as keyof typeof statusColor], borderColor: statusColor[s as keyof typeof statusColor] }}>
      {s.toLowerCase()}
    </span>
  );
}

function EventChip({ e, onSelect }: { e: EventRef; onSelect: (id: string) => void }) {
  return (
    <button className="chip" onClick={() => onSelect(e.id)}>
      <span className="dot square" style={{ background: typeColor[e.eventType] }} />
      {humanType(e.eventType)} <StatusBadge s={e.status} />
    </button>
  );
}

function Row({ k, children }: { k: string; children: React.ReactNode }) {
  return (
    <div className="row">
      <dt>{k}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function EventDetails({ d, onSelect }: { d: Detail; onSelect: (id: string) => void }) {
  const t = d.eventType!;
  return (
    <div className="detail event-detail" data-id={d.id}>
      <header>
        <span className="kind" style={{ background: typeColor[t] }}>event</span>
        <h2>
          {humanType(t)} <StatusBadge s={d.status!} />
        </h2>
        <p className="sub">
          {d.date ? <>on {d.date} · </> : null}
          first reported {d.published ?? 'undated'} · {plural(d.articleCount ?? 0, 'article')}, {plural(d.sourceCount ?? 0, 'source')}
        </p>
      </header>
      <dl>
        <Row k="Participants">
          <Chips refs={d.participants ?? []} onSelect={onSelect} />
        </Row>
        {(d.supplier || d.recipient) && (
          <Row k="From → to">
            <Chips refs={[d.supplier]} onSelect={onSelect} /> <span className="arrow">→</span> <Chips refs={[d.recipient]} onSelect={onSelect} />
          </Row>
        )}
        {d.place && (
          <Row k="Where">
            <Chips refs={[d.place]} onSelect={onSelect} />
          </Row>
        )}
        {!!d.items?.length && <Row k="What">{d.items.join(', ')}</Row>}
        {(d.stage || d.quantity || d.value) && <Row k="Stage">{[d.stage, d.quantity, d.value].filter(Boolean).join(' · ')}</Row>}
        <Row k="Asserted by">
          <Chips refs={d.assertedBy ?? []} onSelect={onSelect} />
        </Row>
        {d.cameo && <Row k="CAMEO">{d.cameo}</Row>}
      </dl>
      <Reports reports={d.reports ?? []} onSelect={onSelect} />
      <footer className="id">{d.id}</footer>
    </div>
  );
}

// The evidence of an event, article by article: each report's status (an
// article may deny what another alleges), who asserts it there, the
// statements that claim it, and the sentences with their spans.
function Reports({ reports, onSelect }: { reports: Report[]; onSelect: (id: string) => void }) {
  if (!reports.length) return null;
  const sentences = reports.reduce((n, r) => n + new Set(r.evidence.map((e) => e.sentence ?? e.text)).size, 0);
  return (
    <section className="evidence">
      <h3>
        Evidence{' '}
        <span className="n">
          {plural(reports.length, 'report')}, {plural(sentences, 'sentence')}
        </span>
      </h3>
      {reports.map((r) => (
        <div className="article report" key={r.id}>
          <div className="article-head">
            <Cite ev={{ article: r.article } as Evidence} />
          </div>
          <div className="report-facts">
            <StatusBadge s={r.status} />
            {r.date && <span className="note">dated {r.date}</span>}
            {!!r.assertedBy.length && (
              <span className="note">
                {r.status === 'DENIED' ? 'denied by ' : 'according to '}
                {r.assertedBy.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 && ', '}
                    <button className="link" onClick={() => onSelect(a.id)}>
                      {a.name}
                    </button>
                  </span>
                ))}
              </span>
            )}
          </div>
          <Sentences evidence={r.evidence} />
          {!!r.claimedIn.length && (
            <ul className="claims">
              {r.claimedIn.map((s) => (
                <li key={s.id}>
                  <span className="note">claimed in </span>
                  <button className="link" onClick={() => onSelect(s.id)}>
                    {s.speaker.name}: “{clip(s.text, 90)}”
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}

function StatementDetails({ d, onSelect }: { d: Detail; onSelect: (id: string) => void }) {
  return (
    <div className="detail statement-detail" data-id={d.id}>
      <header>
        <span className="kind" style={{ background: '#cbd5e1' }}>{d.direct ? 'quote' : 'reported speech'}</span>
        <h2>
          <Chip r={d.speaker!} onSelect={onSelect} /> {d.verb ?? 'said'}
        </h2>
      </header>
      <blockquote className={d.direct ? 'quote direct' : 'quote'}>{d.text}</blockquote>
      <dl>
        <Row k="About">
          <Chips refs={d.about ?? []} onSelect={onSelect} />
        </Row>
        {!!d.claims?.length && (
          <Row k="Claims">
            {d.claims.map((e) => (
              <EventChip key={e.id} e={e} onSelect={onSelect} />
            ))}
          </Row>
        )}
      </dl>
      <EvidenceList evidence={d.quote ? [d.quote] : []} />
      <footer className="id">{d.id}</footer>
    </div>
  );
}

function EntityDetails({ d, onSelect, onCenter, isCenter }: { d: Detail; onSelect: (id: string) => void; onCenter: (id: string) => void; isCenter: boolean }) {
  const t = d.type!;
  return (
    <div className="detail entity-detail" data-id={d.id}>
      <header>
        <span className="kind" style={{ background: kindColor[t], color: '#fff' }}>{humanKind(t)}</span>
        <h2>{d.name}</h2>
        {d.role && <p className="sub">{d.role}</p>}
        {!isCenter && (
          <button className="primary" onClick={() => onCenter(d.id)}>
            Center the graph here
          </button>
        )}
      </header>
      <div className="counts">
        <Count n={d.eventCount} label="events" />
        <Count n={d.statementCount} label="statements" />
        <Count n={d.articleCount} label="articles" />
        <Count n={d.sourceCount} label="sources" />
      </div>
      <dl>
        {d.iso3 && <Row k="ISO code">{d.iso3}</Row>}
        {d.kind && <Row k="Kind">{d.kind}</Row>}
        {(d.country || d.leaderOf || d.organization) && (
          <Row k="Belongs to">
            <Chips refs={[d.leaderOf, d.country, d.organization].filter((r, i, a) => r && a.findIndex((x) => x?.id === r.id) === i)} onSelect={onSelect} />
            {d.leaderOf && <span className="note"> leads {d.leaderOf.name}</span>}
          </Row>
        )}
        {!!d.roles && d.roles.length > 1 && <Row k="Roles">{d.roles.join('; ')}</Row>}
        {!!d.aliases?.length && <Row k="Also called">{d.aliases.join(', ')}</Row>}
        {d.wikidata && <Row k="Wikidata">{d.wikidata}</Row>}
      </dl>
      {!!d.events?.length && (
        <section className="evidence">
          <h3>
            Events <span className="n">newest first</span>
          </h3>
          <ul className="event-list">
            {d.events.slice(0, 12).map((e) => {
              const others = e.participants.filter((p) => p.id !== d.id).map((p) => p.name);
              return (
                <li key={e.id}>
                  <button className="event-row" onClick={() => onSelect(e.id)}>
                    <span className="dot square" style={{ background: typeColor[e.eventType] }} />
                    <span className="what">
                      <b>{humanType(e.eventType)}</b> <StatusBadge s={e.status} />
                      <span className="with">{others.length ? ' with ' + others.join(', ') : ''}</span>
                    </span>
                    <span className="when">{e.date ?? e.published ?? ''}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          {d.events.length > 12 && <p className="more">and {d.events.length - 12} more in the timeline</p>}
        </section>
      )}
      {!!d.statements?.length && (
        <section className="evidence">
          <h3>What {d.name} said</h3>
          {d.statements.slice(0, 8).map((s) => (
            <button key={s.id} className="statement-card" onClick={() => onSelect(s.id)}>
              <span className={s.direct ? 'quote direct' : 'quote'}>{clip(s.text, 220)}</span>
              <Cite ev={s.evidence} />
            </button>
          ))}
          {d.statements.length > 8 && <p className="more">and {d.statements.length - 8} more (see the GraphQL tab)</p>}
        </section>
      )}
      <footer className="id">{d.id}</footer>
    </div>
  );
}

function Count({ n, label }: { n?: number; label: string }) {
  return (
    <div className="count">
      <b>{n ?? 0}</b>
      <span>{label}</span>
    </div>
  );
}

// A sentence with its spans marked. The API gives each span in article
// code points and its sentence as text; a span is found in the sentence by
// its text, and overlapping spans are marked once.
export function Marked({ sentence, spans }: { sentence: string; spans: string[] }) {
  const cuts: [number, number][] = [];
  for (const t of spans) {
    const i = t ? sentence.indexOf(t) : -1;
    if (i >= 0) cuts.push([i, i + t.length]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const c of cuts) {
    const last = merged[merged.length - 1];
    if (last && c[0] <= last[1]) last[1] = Math.max(last[1], c[1]);
    else merged.push([c[0], c[1]]);
  }
  const out: React.ReactNode[] = [];
  let at = 0;
  merged.forEach(([a, b], k) => {
    out.push(sentence.slice(at, a), <mark key={k}>{sentence.slice(a, b)}</mark>);
    at = b;
  });
  out.push(sentence.slice(at));
  return <>{out}</>;
}

// Evidence grouped by sentence, in the order given: one paragraph per
// sentence, with every span in it marked.
export function Sentences({ evidence }: { evidence: Evidence[] }) {
  const groups = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const k = e.sentence ?? e.text;
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return (
    <>
      {[...groups].map(([sentence, evs]) => (
        <p className="sentence" key={sentence} title={evs.map((e) => `characters ${e.start}–${e.end}`).join('; ')}>
          <Marked sentence={sentence} spans={evs.map((e) => e.text)} />
        </p>
      ))}
    </>
  );
}

function Cite({ ev }: { ev: Evidence }) {
  const a = ev.article;
  const title = a.title ?? a.id;
  return (
    <span className="cite">
      {a.url ? (
        <a href={a.url} target="_blank" rel="noreferrer noopener">
          {title}
        </a>
      ) : (
        title
      )}
      {a.source && <> · {a.source}</>}
      {a.published && <> · {a.published}</>}
    </span>
  );
}

export function EvidenceList({ evidence, title = 'Evidence' }: { evidence: Evidence[]; title?: string }) {
  if (!evidence.length) return null;
  const byArticle = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const l = byArticle.get(e.article.id) ?? [];
    l.push(e);
    byArticle.set(e.article.id, l);
  }
  return (
    <section className="evidence">
      <h3>
        {title} <span className="n">{plural(new Set(evidence.map((e) => e.sentence ?? e.text)).size, 'sentence')}</span>
      </h3>
      {[...byArticle.values()].map((list) => (
        <div className="article" key={list[0].article.id}>
          <div className="article-head">
            <Cite ev={list[0]} />
          </div>
          <Sentences evidence={list} />
        </div>
      ))}
    </section>
  );
}

function EdgeDetails({ sel, onSelect, onCenter, center }: { sel: Extract<Selection, { kind: 'edge' }>; onSelect: (id: string) => void; onCenter: (id: string) => void; center: string | null }) {
  const from = useDetail(sel.from).d;
  const to = useDetail(sel.to).d;
  const entityLink = isEntityId(sel.from) && isEntityId(sel.to);
  const [ls, setLs] = useState<Link[] | null>(null);
  useEffect(() => {
    setLs(null);
    if (!entityLink) return;
    let live = true;
    links(sel.from, sel.to).then((l) => live && setLs(l), () => live && setLs([]));
    return () => {
      live = false;
    };
  }, [sel.from, sel.to, entityLink]);
  const name = (d: Detail | null | undefined, id: string) => d?.name ?? (d?.eventType ? humanType(d.eventType) : d?.speaker ? `${d.speaker.name}’s statement` : id);
  // The end that carries the evidence: the event or statement.
  const carrier = isEntityId(sel.from) ? sel.to : sel.from;
  return (
    <div className="detail edge-detail">
      <header>
        <span className="kind" style={{ background: '#e2e8f0' }}>relationship</span>
        <h2 className="edge-title">
          <button className="link" onClick={() => onSelect(sel.from)}>{name(from, sel.from)}</button>
          <span className="rel">{humanRelation(sel.type)}</span>
          <button className="link" onClick={() => onSelect(sel.to)}>{name(to, sel.to)}</button>
        </h2>
      </header>
      {entityLink ? (
        ls === null ? (
          <p className="loading">Loading…</p>
        ) : (
          <EvidenceList
            title="Why they are linked"
            evidence={ls.filter((l) => l.type === sel.type).flatMap((l) => l.evidence)}
          />
        )
      ) : (
        <NodeDetails id={carrier} onSelect={onSelect} onCenter={onCenter} center={center} />
      )}
    </div>
  );
}

function plural(n: number, w: string) {
  return `${n} ${w}${n === 1 ? '' : 's'}`;
}

function clip(s: string, n: number) {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
