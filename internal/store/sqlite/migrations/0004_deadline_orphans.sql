-- Deadline tracking that does not depend on the order of ingest.
--
-- deadline_orphans index the articles whose deadline evidence matched no
-- tracked deadline when they were stored (an outcome sentence, an undated
-- deadline: track.Orphan), by the canonical entities the evidence names
-- (track.Interest) and the article's day. When an older article later
-- starts a tracked deadline (its announcement ingested after its outcome),
-- the orphans of its parties within the tracking window are observed again
-- against it.
CREATE TABLE deadline_orphans (
	entity INTEGER NOT NULL REFERENCES entities(id),
	day    TEXT NOT NULL,
	doc    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	PRIMARY KEY (entity, day, doc)
) WITHOUT ROWID;
CREATE INDEX deadline_orphans_doc ON deadline_orphans(doc);

-- first is the day and id ("YYYY-MM-DD|id") of the earliest article that
-- restated the deadline: its setter and target are the deadline's, whichever
-- article was stored first. opened is the status the article that started
-- the row reported: a deadline first known from its extension matches an
-- older article giving the date it had before.
ALTER TABLE tracked_deadlines ADD COLUMN first TEXT NOT NULL DEFAULT '';
ALTER TABLE tracked_deadlines ADD COLUMN opened TEXT NOT NULL DEFAULT '';
