-- entity_keys are the distinct one-word names and aliases ("trump", "kim")
-- of people and organisations, and the one-word names linked to them across
-- articles, with the latest day each was used: the candidates for linking a
-- name given only in part. entity_names has a row per document, so looking
-- a popular surname up there would read every article that used it; here
-- it reads one row per entity, the most recent first.
CREATE TABLE entity_keys (
	key    TEXT NOT NULL,
	entity BIGINT NOT NULL REFERENCES entities(id),
	day    TEXT NOT NULL,
	PRIMARY KEY (key, entity)
);
CREATE INDEX entity_keys_day ON entity_keys(key, day);

INSERT INTO entity_keys (key, entity, day)
	SELECT n.key, n.entity, MAX(d.day) FROM entity_names n
	JOIN entities e ON e.id = n.entity JOIN documents d ON d.seq = n.doc
	WHERE e.type IN ('PERSON', 'ORG') AND n.key NOT LIKE '% %'
	GROUP BY n.key, n.entity;

INSERT INTO entity_keys (key, entity, day)
	SELECT e.key, l.canonical, MAX(d.day) FROM entity_links l
	JOIN entities e ON e.id = l.entity JOIN documents d ON d.seq = l.doc
	WHERE l.canonical IS NOT NULL AND l.canonical <> l.entity AND e.key NOT LIKE '% %'
	GROUP BY e.key, l.canonical
	ON CONFLICT (key, entity) DO NOTHING;
