// Q3 written by hand: the neighborhood of an entity (by name) to depth 2,
// along the relationships of facts (not articles), at most $limit nodes,
// each level's new nodes taken by id; then every relationship among them.
MATCH (:Name {key: toLower($name)})-[:NAMES]->(c:Entity)
WITH c ORDER BY COUNT { (c)-[:MENTIONED_IN]->() } DESC, c.id LIMIT 1
CALL (c) {
  MATCH (c)-[:PARTICIPANT|SUPPLIER|RECIPIENT|AT|ASSERTED_BY|CLAIMED_IN|SAID|ABOUT|COUNTRY|LEADER_OF|MEMBER_OF]-(y)
  WHERE NOT y:Article AND y <> c
  WITH DISTINCT y ORDER BY y.id LIMIT $limit
  RETURN collect(y) AS found1
}
WITH c, found1[..($limit - 1)] AS level1, size(found1) > $limit - 1 AS truncated1
CALL (c, level1) {
  UNWIND level1 AS x
  MATCH (x)-[:PARTICIPANT|SUPPLIER|RECIPIENT|AT|ASSERTED_BY|CLAIMED_IN|SAID|ABOUT|COUNTRY|LEADER_OF|MEMBER_OF]-(y)
  WHERE NOT y:Article AND y <> c AND NOT y IN level1
  WITH DISTINCT y ORDER BY y.id LIMIT $limit
  RETURN collect(y) AS found2
}
WITH c, level1, found2[..($limit - 1 - size(level1))] AS level2,
  truncated1 OR size(found2) > $limit - 1 - size(level1) AS truncated
WITH c, level1, [c] + level1 + level2 AS nodes, truncated
RETURN {
  nodes: [x IN nodes | {id: x.id, depth: CASE WHEN x = c THEN 0 WHEN x IN level1 THEN 1 ELSE 2 END,
    kind: [l IN labels(x) WHERE l <> 'Entity'][0],
    label: CASE
      WHEN x:Entity THEN x.name
      WHEN x:Event THEN x.type + ' (' + x.status + coalesce(', ' + x.date, '') + ')'
      ELSE coalesce(head([(sp)-[:SAID]->(x) | sp.name]) + ': ', '') + '“' + left(x.text, 60)
        + CASE WHEN size(x.text) > 60 THEN '…' ELSE '' END + '”' END}],
  edges: COLLECT {
    UNWIND nodes AS x
    MATCH (x)-[r:PARTICIPANT|SUPPLIER|RECIPIENT|AT|ASSERTED_BY|CLAIMED_IN|SAID|ABOUT|COUNTRY|LEADER_OF|MEMBER_OF]->(y)
    WHERE y IN nodes
    RETURN DISTINCT {from: x.id, type: type(r), to: y.id} },
  truncated: truncated} AS g
