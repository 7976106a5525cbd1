// The timeline strip: the selected entity's events and statements in date
// order (the API's `timeline`), under the same filters as the graph. A
// proportional axis shows where the dates fall; the cards below say what
// happened and select the node when clicked.
import { useEffect, useMemo, useRef, useState } from 'react';
import { timeline, type TimelineEntry } from './api';
import type { Filters } from './graph';
import { StatusBadge } from './Details';
import { humanType, statusColor, typeColor } from './style';

interface Props {
  entity: { id: string; name: string } | null;
  filters: Filters;
  selected: string | null;
  onSelect: (id: string) => void;
}

const day = (d: string) => Date.parse(d.length === 7 ? d + '-01' : d);

export function keep(e: TimelineEntry, f: Filters): boolean {
  const d = e.date.length === 7 ? e.date + '-01' : e.date;
  if (f.from && d < f.from) return false;
  if (f.to && d.slice(0, f.to.length) > f.to) return false;
  if (e.event) return f.types.has(e.event.type) && f.statuses.has(e.event.status);
  return f.statements;
}

export function Timeline({ entity, filters, selected, onSelect }: Props) {
  const [entries, setEntries] = useState<TimelineEntry[] | null>(null);
  const [err, setErr] = useState('');
  const track = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setEntries(null);
    setErr('');
    if (!entity) return;
    const ctl = new AbortController();
    timeline(entity.id, ctl.signal).then(setEntries, (e: Error) => e.name !== 'AbortError' && setErr(e.message));
    return () => ctl.abort();
  }, [entity?.id]);

  const shown = useMemo(() => (entries ?? []).filter((e) => keep(e, filters)), [entries, filters]);
  const groups = useMemo(() => {
    const g: { date: string; items: TimelineEntry[] }[] = [];
    for (const e of shown) {
      if (g.length && g[g.length - 1].date === e.date) g[g.length - 1].items.push(e);
      else g.push({ date: e.date, items: [e] });
    }
    return g;
  }, [shown]);

  if (!entity) return <section className="timeline empty" />;
  const events = shown.filter((e) => e.event).length;
  const lo = groups.length ? day(groups[0].date) : 0;
  const hi = groups.length ? day(groups[groups.length - 1].date) : 0;
  const span = Math.max(hi - lo, 1);

  return (
    <section className="timeline" aria-label="Timeline">
      <div className="timeline-head">
        <h3>
          Timeline · <b>{entity.name}</b>
        </h3>
        <span className="n">
          {entries === null && !err ? 'loading…' : `${events} events · ${shown.length - events} statements`}
          {entries && shown.length < entries.length && ` (${entries.length - shown.length} filtered out)`}
        </span>
        {groups.length > 1 && (
          <div className="axis" aria-hidden="true">
            {groups.map((g) => (
              <span
                key={g.date}
                className="tick"
                style={{ left: `${((day(g.date) - lo) / span) * 100}%` }}
                title={`${g.date}: ${g.items.length}`}
                onClick={() => document.getElementById(`tl-${g.date}`)?.scrollIntoView({ behavior: 'smooth', inline: 'start', block: 'nearest' })}
              />
            ))}
            <span className="axis-label lo">{groups[0].date}</span>
            <span className="axis-label hi">{groups[groups.length - 1].date}</span>
          </div>
        )}
      </div>
      {err && <p className="error">{err}</p>}
      {entries && !shown.length && <p className="none">No events in this range.</p>}
      <div className="track" ref={track}>
        {groups.map((g) => (
          <div className="group" key={g.date} id={`tl-${g.date}`}>
            <div className="date">{fmtDate(g.date)}</div>
            <div className="cards">
              {g.items.map((e) => {
                const id = e.event?.id ?? e.statement!.id;
                if (e.event) {
                  const others = e.event.participants.filter((p) => p.id !== entity.id).map((p) => p.name);
                  return (
                    <button
                      key={id}
                      className={`card${selected === id ? ' selected' : ''}`}
                      style={{ borderLeftColor: statusColor[e.event.status], background: typeColor[e.event.type] + '66' }}
                      onClick={() => onSelect(id)}
                      title={e.basis === 'PUBLISHED' ? 'dated by the article that reports it' : 'the event’s own date'}
                    >
                      <span className="card-title">
                        {humanType(e.event.type)} <StatusBadge s={e.event.status} />
                      </span>
                      <span className="card-sub">{others.length ? 'with ' + others.join(', ') : '\u00a0'}</span>
                    </button>
                  );
                }
                const s = e.statement!;
                return (
                  <button key={id} className={`card statement${selected === id ? ' selected' : ''}`} onClick={() => onSelect(id)}>
                    <span className="card-title">{s.speaker.name}</span>
                    <span className="card-sub">“{s.text.length > 70 ? s.text.slice(0, 69) + '…' : s.text}”</span>
                  </button>
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function fmtDate(d: string) {
  const [y, m, dd] = d.split('-');
  const mon = months[Number(m) - 1] ?? m;
  return dd ? `${Number(dd)} ${mon} ${y}` : `${mon} ${y}`;
}
