// Q1 written by hand: an entity (by name, through the Name index) with its
// events, their participants and evidence, and its statements. It answers
// in the orders the API documents, as geokg must: events newest first,
// evidence oldest article first (in text order within one), participants
// by id (the check compares answers as sets; the order is the question's).
MATCH (:Name {key: toLower($name)})-[:NAMES]->(n:Entity)
WITH n ORDER BY COUNT { (n)-[:MENTIONED_IN]->() } DESC, n.id LIMIT 1
RETURN n {.id, .name,
  events: COLLECT {
    MATCH (n)<-[:PARTICIPANT|SUPPLIER|RECIPIENT|AT]-(e:Event)
    WITH DISTINCT e ORDER BY e.dateStart IS NULL, e.dateStart DESC, e.id
    RETURN e {.id, .type, .status, .date,
      participants: COLLECT { MATCH (e)-[:PARTICIPANT]->(p) RETURN p {.id, .name} ORDER BY p.id },
      evidence: COLLECT {
        MATCH (e)<-[:OF]-(r:Report)-[:IN]->(a:Article)
        UNWIND range(0, size(r.starts) - 1) AS i
        WITH DISTINCT a, {text: r.texts[i], sentence: r.sentences[i], start: r.starts[i], end: r.ends[i],
          article: {id: a.id, title: a.title}} AS span
        RETURN span ORDER BY a.published, a.id, span.start, span.end } } },
  statements: COLLECT { MATCH (n)-[:SAID]->(s:Statement) RETURN s {.id, .text} }} AS entity
