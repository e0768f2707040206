-- deadline_interest indexes the articles that may report on a deadline (the
-- parties of their deadlines, the entities of sentences that speak of a
-- deadline or an outcome; track.Interest) by canonical entity and day. An
-- article that arrives after later articles about the same parties (an
-- announcement ingested after its outcome) finds them here, and the
-- deadlines they touch are tracked again in the order of the articles'
-- days, so the final state does not depend on the order of ingest.
CREATE TABLE deadline_interest (
	entity INTEGER NOT NULL REFERENCES entities(id),
	day    TEXT NOT NULL,
	doc    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	PRIMARY KEY (entity, day, doc)
) WITHOUT ROWID;
CREATE INDEX deadline_interest_doc ON deadline_interest(doc);
