"""Queries the ready-made tables and graphs use. Each list query takes
$first and $after, so Client.paginate follows it to the end."""

ENTITIES = """
query($filter: EntityFilter, $orderBy: EntityOrder, $first: Int, $after: String) {
  entities(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id type name aliases wikidata
      ... on Country { iso3 }
      ... on Person { role country { iso3 } }
      ... on Organization { kind country { iso3 } }
      ... on Place { kind country { iso3 } }
      eventCount statementCount articleCount sourceCount
    }
  }
}"""

EVENTS = """
query($filter: EventFilter, $orderBy: EventOrder, $first: Int, $after: String) {
  events(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id type status date published cameo articleCount sourceCount
      participants { id name }
      supplier { id name }
      recipient { id name }
      place { name }
      items
      assertedBy { id name }
      deniedBy { assertedBy { name } }
    }
  }
}"""

STATEMENTS = """
query($filter: StatementFilter, $orderBy: StatementOrder, $first: Int, $after: String) {
  statements(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id text direct verb
      speaker { id name type }
      about { name }
      evidence { text sentence start end article { id title published source url } }
    }
  }
}"""

NEIGHBORHOOD = """
query($id: String!, $depth: Int, $types: [NodeKind!], $limit: Int) {
  neighborhood(id: $id, depth: $depth, types: $types, limit: $limit) {
    truncated
    nodes { id kind label depth }
    edges { id from to type }
  }
}"""

COUNTRY_RELATIONS = """
query($filter: EventFilter) {
  countryRelations(filter: $filter, first: 100) {
    from { iso3 name } to { iso3 name } directed count
  }
}"""

INGEST = """
mutation($text: String!, $title: String, $url: String, $published: String, $source: String) {
  ingestArticle(text: $text, title: $title, url: $url, published: $published, source: $source) {
    unchanged nodesCreated relationshipsCreated
    article { id title }
    events { id type status }
    statements { id text }
  }
}"""
