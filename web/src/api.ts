// The explorer's only way to the data: the public GraphQL API, same origin.
// Every query the page sends is below, so a reader can paste any of them
// into the GraphQL tab.

export const endpoint = new URL('graphql', document.baseURI).toString();

export class APIError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new APIError(`the server answered ${res.status} ${res.statusText}`);
  }
  if (body.errors?.length) {
    const e = body.errors[0];
    // Partial data is still useful to a graph view; only fail without any.
    if (!body.data) throw new APIError(e.message, e.extensions?.code);
    console.warn('geokg: partial answer', body.errors);
  }
  if (!body.data) throw new APIError(`the server answered ${res.status} with no data`);
  return body.data;
}

export type EntityType = 'PERSON' | 'COUNTRY' | 'ORGANIZATION' | 'PLACE';
export type NodeKind = EntityType | 'EVENT' | 'STATEMENT' | 'ARTICLE';
export type EventType =
  | 'MEETING' | 'VISIT' | 'ARMS_TRANSFER' | 'ARMS_NEGOTIATION' | 'AGREEMENT'
  | 'AID' | 'MISSILE_TEST' | 'SANCTION' | 'OTHER';
export type Status = 'OCCURRED' | 'PLANNED' | 'REPORTED' | 'ALLEGED' | 'SPECULATIVE' | 'DENIED';

export const eventTypes: EventType[] = [
  'MEETING', 'VISIT', 'AGREEMENT', 'ARMS_NEGOTIATION', 'ARMS_TRANSFER', 'MISSILE_TEST', 'AID', 'SANCTION', 'OTHER',
];
export const statuses: Status[] = ['OCCURRED', 'PLANNED', 'REPORTED', 'ALLEGED', 'SPECULATIVE', 'DENIED'];

export interface Ref { id: string; name: string; type?: EntityType }

// --- search -----------------------------------------------------------------

export const searchQuery = `query Search($q: String!) {
  search(query: $q, types: [PERSON, COUNTRY, ORGANIZATION, PLACE], first: 8) {
    edges {
      node {
        id
        ... on Entity { type name aliases eventCount }
        ... on Person { role }
        ... on Country { iso3 }
      }
    }
  }
}`;

export interface Hit { id: string; type: EntityType; name: string; aliases: string[]; eventCount: number; role?: string | null; iso3?: string }

export async function search(q: string, signal?: AbortSignal): Promise<Hit[]> {
  const d = await gql<{ search: { edges: { node: Hit }[] } }>(searchQuery, { q }, signal);
  return d.search.edges.map((e) => e.node).filter((n) => n && n.name);
}

// --- neighborhood -------------------------------------------------------------

export const neighborhoodQuery = `query Neighborhood($id: String!, $depth: Int!, $limit: Int!) {
  neighborhood(id: $id, depth: $depth, limit: $limit) {
    truncated
    nodes {
      id
      kind
      label
      depth
      node {
        ... on Entity { name }
        ... on Person { role }
        ... on Event { type status date published }
        ... on Statement { direct speaker { name } article { published } }
      }
    }
    edges { id from to type }
  }
}`;

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  depth: number;
  node: {
    name?: string;
    role?: string | null;
    type?: EventType;
    status?: Status;
    date?: string | null;
    published?: string | null;
    direct?: boolean;
    speaker?: { name: string };
    article?: { published?: string | null };
  } | null;
}
export interface GraphEdge { id: string; from: string; to: string; type: string }
export interface Subgraph { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }

export async function neighborhood(id: string, depth: number, limit: number, signal?: AbortSignal): Promise<Subgraph> {
  const d = await gql<{ neighborhood: Subgraph }>(neighborhoodQuery, { id, depth, limit }, signal);
  return d.neighborhood;
}

// --- details ------------------------------------------------------------------

const evidenceFields = `text sentence start end article { id title url source published }`;

export const detailQuery = `query Detail($id: ID!) {
  node(id: $id) {
    id
    ... on Entity {
      type name aliases wikidata eventCount statementCount articleCount sourceCount
      events { id eventType: type status date published participants { id name type } }
      statements { id text direct verb evidence { ${evidenceFields} } }
    }
    ... on Person { role roles country { id name type } leaderOf { id name type } organization { id name type } }
    ... on Country { iso3 }
    ... on Organization { kind country { id name type } }
    ... on Place { kind country { id name type } }
    ... on Event {
      eventType: type status date published items stage quantity value cameo articleCount sourceCount
      participants { id name type }
      supplier { id name type }
      recipient { id name type }
      place { id name type }
      assertedBy { id name type }
      reports {
        id status date
        article { id title url source published }
        assertedBy { id name type }
        claimedIn { id text speaker { id name } }
        denies { id }
        evidence { ${evidenceFields} }
      }
    }
    ... on Statement {
      text direct verb
      speaker { id name type }
      about { id name type }
      claims { id eventType: type status }
      quote: evidence { ${evidenceFields} }
    }
  }
}`;

export interface Evidence {
  text: string;
  sentence: string | null;
  start: number;
  end: number;
  article: { id: string; title: string | null; url: string | null; source: string | null; published: string | null };
}

// One article's account of an event: its own status, asserters, claims
// and evidence.
export interface Report {
  id: string;
  status: Status;
  date: string | null;
  article: Evidence['article'];
  assertedBy: Ref[];
  claimedIn: { id: string; text: string; speaker: Ref }[];
  denies: { id: string } | null;
  evidence: Evidence[];
}

export interface EventRef { id: string; eventType: EventType; status: Status }

export interface Detail {
  id: string;
  // Entity
  type?: EntityType;
  name?: string;
  aliases?: string[];
  wikidata?: string | null;
  eventCount?: number;
  statementCount?: number;
  articleCount?: number;
  sourceCount?: number;
  events?: (EventRef & { date: string | null; published: string | null; participants: Ref[] })[];
  statements?: { id: string; text: string; direct: boolean; verb: string | null; evidence: Evidence }[];
  role?: string | null;
  roles?: string[];
  country?: Ref | null;
  leaderOf?: Ref | null;
  organization?: Ref | null;
  iso3?: string;
  kind?: string | null;
  // Event
  eventType?: EventType;
  status?: Status;
  date?: string | null;
  published?: string | null;
  items?: string[];
  stage?: string | null;
  quantity?: string | null;
  value?: string | null;
  cameo?: string | null;
  participants?: Ref[];
  supplier?: Ref | null;
  recipient?: Ref | null;
  place?: Ref | null;
  assertedBy?: Ref[];
  reports?: Report[];
  // Statement (and Event)
  text?: string;
  direct?: boolean;
  verb?: string | null;
  speaker?: Ref;
  about?: Ref[];
  claims?: EventRef[];
  evidence?: Evidence[];
  quote?: Evidence;
}

export async function detail(id: string, signal?: AbortSignal): Promise<Detail | null> {
  const d = await gql<{ node: Detail | null }>(detailQuery, { id }, signal);
  return d.node;
}

// --- links between two entities ---------------------------------------------------

export const relationsQuery = `query Links($a: String!, $b: String!) {
  relations(a: $a, b: $b) {
    links { type from { id } to { id } evidence { ${evidenceFields} } }
  }
}`;

export interface Link { type: string; from: { id: string }; to: { id: string }; evidence: Evidence[] }

export async function links(a: string, b: string, signal?: AbortSignal): Promise<Link[]> {
  const d = await gql<{ relations: { links: Link[] } }>(relationsQuery, { a, b }, signal);
  return d.relations.links;
}

// --- timeline -------------------------------------------------------------------

export const timelineQuery = `query Timeline($entity: String!) {
  timeline(entity: $entity, first: 100) {
    date
    basis
    event { id type status participants { id name } }
    statement { id text direct speaker { id name } }
  }
}`;

export interface TimelineEntry {
  date: string;
  basis: 'EVENT_DATE' | 'PUBLISHED';
  event: { id: string; type: EventType; status: Status; participants: Ref[] } | null;
  statement: { id: string; text: string; direct: boolean; speaker: Ref } | null;
}

export async function timeline(entity: string, signal?: AbortSignal): Promise<TimelineEntry[]> {
  const d = await gql<{ timeline: TimelineEntry[] }>(timelineQuery, { entity }, signal);
  return d.timeline;
}

// --- the start page ------------------------------------------------------------------

export const overviewQuery = `query Overview {
  entities(orderBy: { by: EVENTS, direction: DESC }, first: 10) {
    totalCount
    edges { node { id type name eventCount ... on Person { role } } }
  }
  events(first: 1) { totalCount }
  statements(first: 1) { totalCount }
  articles(first: 1) { totalCount }
}`;

export interface Overview {
  entities: { totalCount: number; edges: { node: Hit }[] };
  events: { totalCount: number };
  statements: { totalCount: number };
  articles: { totalCount: number };
}

export async function overview(signal?: AbortSignal): Promise<Overview> {
  return gql<Overview>(overviewQuery, {}, signal);
}
