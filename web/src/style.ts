// One palette for the canvas, the legend, the panels and the timeline.
import type { EventType, NodeKind, Status } from './api';

// Entities: saturated fills, one shape each (so colour is not the only cue).
export const kindColor: Record<NodeKind, string> = {
  PERSON: '#2563eb',
  COUNTRY: '#059669',
  ORGANIZATION: '#7c3aed',
  PLACE: '#d97706',
  EVENT: '#e2e8f0',
  STATEMENT: '#cbd5e1',
  ARTICLE: '#64748b',
};

export const kindShape: Record<NodeKind, 'ellipse' | 'round-hexagon' | 'round-rectangle' | 'round-diamond' | 'round-tag' | 'rectangle'> = {
  PERSON: 'ellipse',
  COUNTRY: 'round-hexagon',
  ORGANIZATION: 'round-rectangle',
  PLACE: 'round-diamond',
  EVENT: 'round-rectangle',
  STATEMENT: 'round-tag',
  ARTICLE: 'rectangle',
};

// Events: light fills by type, so their dark labels read inside the pill.
export const typeColor: Record<EventType, string> = {
  MEETING: '#bae6fd',
  VISIT: '#a5f3fc',
  AGREEMENT: '#bbf7d0',
  ARMS_NEGOTIATION: '#fed7aa',
  ARMS_TRANSFER: '#fecaca',
  MISSILE_TEST: '#fbcfe8',
  AID: '#fef08a',
  SANCTION: '#ddd6fe',
  OTHER: '#e2e8f0',
};

// Statuses: the event's border, and the badge in the panels.
export const statusColor: Record<Status, string> = {
  OCCURRED: '#15803d',
  PLANNED: '#1d4ed8',
  REPORTED: '#0e7490',
  ALLEGED: '#b45309',
  SPECULATIVE: '#7e22ce',
  DENIED: '#b91c1c',
};

// Solid for what happened or is scheduled, dashed for what someone claims,
// dotted for what is only possible.
export const statusDash: Record<Status, 'solid' | 'dashed' | 'dotted' | 'double'> = {
  OCCURRED: 'solid',
  PLANNED: 'solid',
  REPORTED: 'dashed',
  ALLEGED: 'dashed',
  SPECULATIVE: 'dotted',
  DENIED: 'double',
};

const special: Record<string, string> = { ARMS_TRANSFER: 'Arms transfer', ARMS_NEGOTIATION: 'Arms talks', MISSILE_TEST: 'Missile test' };

export function humanType(t: string): string {
  return special[t] ?? t.charAt(0) + t.slice(1).toLowerCase().replace(/_/g, ' ');
}

export function humanKind(k: string): string {
  return k.charAt(0) + k.slice(1).toLowerCase();
}

export function humanRelation(t: string): string {
  return t.toLowerCase().replace(/_/g, ' ');
}
