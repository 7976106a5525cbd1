// The entity search box: full-text search as you type (the API's `search`),
// arrow keys and Enter to pick, Escape to close.
import { useEffect, useRef, useState } from 'react';
import { search, type Hit } from './api';
import { humanKind, kindColor } from './style';

export function Search({ onPick }: { onPick: (h: Hit) => void }) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [error, setError] = useState('');
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const words = q.trim();
    if (!words) {
      setHits([]);
      return;
    }
    const ctl = new AbortController();
    const t = setTimeout(() => {
      search(words, ctl.signal)
        .then((h) => {
          setHits(h);
          setActive(0);
          setError('');
        })
        .catch((e: Error) => {
          if (e.name !== 'AbortError') setError(e.message);
        });
    }, 120);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [q]);

  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  const pick = (h: Hit | undefined) => {
    if (!h) return;
    setOpen(false);
    setQ(h.name);
    onPick(h);
  };

  return (
    <div className="search" ref={box}>
      <svg className="search-icon" viewBox="0 0 20 20" aria-hidden="true">
        <path d="M8.5 3a5.5 5.5 0 1 0 3.4 9.8l3.6 3.7 1.1-1.1-3.7-3.6A5.5 5.5 0 0 0 8.5 3zm0 1.6a3.9 3.9 0 1 1 0 7.8 3.9 3.9 0 0 1 0-7.8z" />
      </svg>
      <input
        type="search"
        placeholder="Search people, countries, organizations, places…"
        aria-label="Search entities"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            pick(hits[active]);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {open && q.trim() && (
        <ul className="search-results" role="listbox">
          {error && <li className="search-empty">{error}</li>}
          {!error && hits.length === 0 && <li className="search-empty">No entity matches “{q.trim()}”.</li>}
          {hits.map((h, i) => (
            <li
              key={h.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(h);
              }}
            >
              <span className="dot" style={{ background: kindColor[h.type] }} />
              <span className="hit-name">{h.name}</span>
              <span className="hit-meta">{h.role || h.iso3 || humanKind(h.type)}</span>
              <span className="hit-count" title="events">{h.eventCount}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
