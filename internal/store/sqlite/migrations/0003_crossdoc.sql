-- Cross-document layers (SQLite): entity links, deadlines tracked across
-- articles, stories, and events grouped across articles. See docs/store.md.
-- Rows that come from one document hang off documents(seq) with ON DELETE CASCADE, and states (a deadline's status, a
-- story's span) are derived from them at query time, so replacing an article
-- never leaves a stale state behind.

-- entity_links record, for a document's entity named only in part ("Trump",
-- "Kim"), the fuller-named entity it was found to be (canonical NULL when
-- the name stayed ambiguous) and why.
CREATE TABLE entity_links (
	doc       INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	local     TEXT NOT NULL,
	entity    INTEGER NOT NULL REFERENCES entities(id),
	canonical INTEGER REFERENCES entities(id),
	reason    TEXT NOT NULL,
	PRIMARY KEY (doc, local)
) WITHOUT ROWID;
CREATE INDEX entity_links_entity ON entity_links(entity);
CREATE INDEX entity_links_canonical ON entity_links(canonical);

-- tracked_deadlines is one real deadline, seen in one or more articles.
CREATE TABLE tracked_deadlines (
	id     INTEGER PRIMARY KEY,
	setter INTEGER REFERENCES entities(id),
	target INTEGER REFERENCES entities(id),
	demand TEXT NOT NULL,
	-- horizon is the latest day among its sightings' days and due days: a
	-- deadline is a candidate for a new article only near its horizon, so
	-- matching costs the same in a large archive as in a small one.
	horizon TEXT NOT NULL,
	-- due, status and last_day are its state stepped by each sighting as it
	-- arrives (track.Step), for matching new articles cheaply. Queries fold
	-- the state from the sightings themselves, which deletions keep exact.
	due      TEXT NOT NULL,
	status   TEXT NOT NULL,
	last_day TEXT NOT NULL,
	dues     TEXT NOT NULL -- every due day given, space-separated
);
CREATE INDEX tracked_deadlines_setter ON tracked_deadlines(setter, horizon);
CREATE INDEX tracked_deadlines_target ON tracked_deadlines(target, horizon);

-- deadline_sightings are the articles' reports of a tracked deadline: a
-- restatement (local is the document's deadline id) or an outcome sentence
-- (local ''), with the status it reports and its evidence.
CREATE TABLE deadline_sightings (
	tracked INTEGER NOT NULL REFERENCES tracked_deadlines(id),
	doc     INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	local   TEXT NOT NULL,
	day     TEXT NOT NULL, -- the article's day
	due     TEXT NOT NULL, -- the due day it gives, '' none
	status  TEXT NOT NULL, -- the status it reports, '' none
	start   INTEGER NOT NULL, -- evidence sentence
	"end"   INTEGER NOT NULL,
	quote   TEXT NOT NULL, -- quote id overlapping the evidence, '' none
	reason  TEXT NOT NULL
);
CREATE INDEX deadline_sightings_tracked ON deadline_sightings(tracked, day);
CREATE INDEX deadline_sightings_doc ON deadline_sightings(doc);

-- stories group articles about one news story; story_keys is the inverted
-- index from signature keys ("e:<entity id>", "t:<word>") to stories.
CREATE TABLE stories (
	id        INTEGER PRIMARY KEY,
	first_day TEXT NOT NULL,
	last_day  TEXT NOT NULL
);
CREATE INDEX stories_last_day ON stories(last_day);

CREATE TABLE story_docs (
	doc    INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
	story  INTEGER NOT NULL REFERENCES stories(id),
	score  REAL NOT NULL,
	shared TEXT NOT NULL -- space-separated keys shared with the story when joining
);
CREATE INDEX story_docs_story ON story_docs(story);

-- day is the latest day of an article of the story that had the key, so a
-- lookup reads only the stories active in the time window.
CREATE TABLE story_keys (
	key   TEXT NOT NULL,
	story INTEGER NOT NULL REFERENCES stories(id),
	day   TEXT NOT NULL,
	PRIMARY KEY (key, story)
) WITHOUT ROWID;
CREATE INDEX story_keys_day ON story_keys(key, day);

-- event_groups are real events reported by one or more articles: same type,
-- same day, a shared party or place (see story.SameEvent). parts are the
-- canonical entity ids of the first report, space-separated.
CREATE TABLE event_groups (
	id    INTEGER PRIMARY KEY,
	type  TEXT NOT NULL,
	day   TEXT NOT NULL,
	parts TEXT NOT NULL
);
CREATE INDEX event_groups_day ON event_groups(type, day);

-- event_reports are the articles' events in a group: sources are the
-- distinct documents, reports every row.
CREATE TABLE event_reports (
	doc   INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	local TEXT NOT NULL, -- events.local
	grp   INTEGER NOT NULL REFERENCES event_groups(id),
	PRIMARY KEY (doc, local)
) WITHOUT ROWID;
CREATE INDEX event_reports_grp ON event_reports(grp);
