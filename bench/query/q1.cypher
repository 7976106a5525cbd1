// Q1 written by hand: an entity (by name, through the Name index) with its
// events, their participants and evidence, and its statements.
MATCH (:Name {key: toLower($name)})-[:NAMES]->(n:Entity)
WITH n ORDER BY COUNT { (n)-[:MENTIONED_IN]->() } DESC, n.id LIMIT 1
RETURN n {.id, .name,
  events: COLLECT {
    MATCH (n)<-[:PARTICIPANT|SUPPLIER|RECIPIENT|AT]-(e:Event)
    WITH DISTINCT e
    RETURN e {.id, .type, .status, .date,
      participants: COLLECT { MATCH (e)-[:PARTICIPANT]->(p) RETURN p {.id, .name} },
      evidence: COLLECT {
        MATCH (e)<-[:OF]-(r:Report)-[:IN]->(a:Article)
        UNWIND range(0, size(r.starts) - 1) AS i
        RETURN DISTINCT {text: r.texts[i], sentence: r.sentences[i], start: r.starts[i], end: r.ends[i],
          article: {id: a.id, title: a.title}} } } },
  statements: COLLECT { MATCH (n)-[:SAID]->(s:Statement) RETURN s {.id, .text} }} AS entity
