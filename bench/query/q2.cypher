// Q2 written by hand: events of some types and statuses, oldest event date
// first (undated last), the first 20, with their participants.
MATCH (e:Event) WHERE e.type IN $types AND e.status IN $statuses
WITH e ORDER BY e.dateStart IS NULL, e.dateStart, e.id LIMIT 20
RETURN e {.id, .type, .status, .date,
  participants: COLLECT { MATCH (e)-[:PARTICIPANT]->(p) RETURN p {.id, .name} }} AS event
