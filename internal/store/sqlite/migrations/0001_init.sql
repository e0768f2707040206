-- dateline store schema v1 (SQLite). See docs/store.md.
--
-- documents holds each document's metadata in small rows that filters and
-- joins scan quickly; document_bodies keeps the document whole (text, plus
-- its layers as JSON) so Get returns exactly what was put. The tables below
-- spread the layers out for queries across documents. Child rows hang off
-- documents(seq) with ON DELETE CASCADE, so replacing a document is one
-- DELETE and fresh INSERTs.

CREATE TABLE sources (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	key  TEXT NOT NULL UNIQUE -- store.NameKey(name)
);

CREATE TABLE documents (
	seq       INTEGER PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	date      TEXT NOT NULL, -- as given: ISO 8601 date or date-time
	day       TEXT NOT NULL, -- YYYY-MM-DD of date, '' when undated
	title     TEXT NOT NULL,
	url       TEXT NOT NULL,
	source_id INTEGER REFERENCES sources(id),
	added     TIMESTAMP NOT NULL -- store clock
);
CREATE INDEX documents_day ON documents(day, id);
CREATE INDEX documents_source ON documents(source_id, day);

CREATE TABLE document_bodies (
	doc    INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
	title  TEXT NOT NULL, -- repeated from documents for the full-text index
	text   TEXT NOT NULL,
	layers TEXT NOT NULL  -- the document JSON without its text
);

-- Full text over title and text, porter-stemmed, kept in step by triggers
-- (which cascading deletes fire too). Its rowid is documents.seq.
CREATE VIRTUAL TABLE documents_fts USING fts5(
	title, text,
	content = 'document_bodies', content_rowid = 'doc',
	tokenize = 'porter unicode61'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON document_bodies BEGIN
	INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON document_bodies BEGIN
	INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.doc, old.title, old.text);
END;

-- content_hashes finds exact duplicates: store.Hash of a stored text.
CREATE TABLE content_hashes (
	hash TEXT PRIMARY KEY,
	doc  INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE
);
CREATE INDEX content_hashes_doc ON content_hashes(doc);

-- entities are cross-document: one row per (type, folded name).
CREATE TABLE entities (
	id   INTEGER PRIMARY KEY,
	type TEXT NOT NULL,
	key  TEXT NOT NULL,
	name TEXT NOT NULL,
	UNIQUE (type, key)
);

-- doc_entities maps a document's own entity ids ("e1") to entities.
CREATE TABLE doc_entities (
	doc    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	local  TEXT NOT NULL,
	entity INTEGER NOT NULL REFERENCES entities(id),
	type   TEXT NOT NULL,
	PRIMARY KEY (doc, local)
) WITHOUT ROWID;
CREATE INDEX doc_entities_entity ON doc_entities(entity, doc);
CREATE INDEX doc_entities_type ON doc_entities(type, doc);

-- entity_names holds every folded name and alias an entity had in a document.
CREATE TABLE entity_names (
	key    TEXT NOT NULL,
	entity INTEGER NOT NULL REFERENCES entities(id),
	doc    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	PRIMARY KEY (key, entity, doc)
) WITHOUT ROWID;
CREATE INDEX entity_names_doc ON entity_names(doc);

CREATE TABLE entity_titles (
	entity INTEGER NOT NULL REFERENCES entities(id),
	title  TEXT NOT NULL,
	doc    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	PRIMARY KEY (entity, title, doc)
) WITHOUT ROWID;
CREATE INDEX entity_titles_doc ON entity_titles(doc);

CREATE TABLE mentions (
	doc    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	entity INTEGER NOT NULL REFERENCES entities(id),
	start  INTEGER NOT NULL,
	"end"  INTEGER NOT NULL,
	text   TEXT NOT NULL,
	kind   TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc, start);
CREATE INDEX mentions_entity ON mentions(entity, doc);

CREATE TABLE times (
	doc   INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	local TEXT NOT NULL,
	start INTEGER NOT NULL,
	"end" INTEGER NOT NULL,
	text  TEXT NOT NULL,
	type  TEXT NOT NULL,
	value TEXT NOT NULL,
	mod   TEXT NOT NULL,
	PRIMARY KEY (doc, local)
) WITHOUT ROWID;

CREATE TABLE quotes (
	doc          INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	local        TEXT NOT NULL,
	start        INTEGER NOT NULL,
	"end"        INTEGER NOT NULL,
	text         TEXT NOT NULL,
	text_key     TEXT NOT NULL, -- store.NameKey(text), for case-insensitive "about"
	kind         TEXT NOT NULL,
	speaker      INTEGER REFERENCES entities(id),
	speaker_text TEXT NOT NULL,
	speaker_key  TEXT NOT NULL,
	addressee    INTEGER REFERENCES entities(id),
	cue          TEXT NOT NULL,
	PRIMARY KEY (doc, local)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE INDEX quotes_speaker_key ON quotes(speaker_key);

CREATE TABLE events (
	doc           INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	local         TEXT NOT NULL,
	type          TEXT NOT NULL,
	trigger_start INTEGER NOT NULL,
	trigger_end   INTEGER NOT NULL,
	trigger_text  TEXT NOT NULL,
	time_local    TEXT NOT NULL,
	time_value    TEXT NOT NULL,
	place         INTEGER REFERENCES entities(id),
	PRIMARY KEY (doc, local)
) WITHOUT ROWID;
CREATE INDEX events_type ON events(type, doc);

CREATE TABLE participants (
	doc    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	event  TEXT NOT NULL, -- events.local
	role   TEXT NOT NULL,
	entity INTEGER NOT NULL REFERENCES entities(id),
	PRIMARY KEY (doc, event, role, entity)
) WITHOUT ROWID;

CREATE TABLE deadlines (
	doc           INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	local         TEXT NOT NULL,
	by            TEXT NOT NULL, -- TIMEX3 value
	day           TEXT NOT NULL, -- store.DeadlineDay(by)
	time_local    TEXT NOT NULL,
	setter        INTEGER REFERENCES entities(id),
	target        INTEGER REFERENCES entities(id),
	demand        TEXT NOT NULL,
	consequence   TEXT NOT NULL,
	trigger_start INTEGER NOT NULL,
	trigger_end   INTEGER NOT NULL,
	trigger_text  TEXT NOT NULL,
	status        TEXT NOT NULL,
	PRIMARY KEY (doc, local)
) WITHOUT ROWID;
CREATE INDEX deadlines_day ON deadlines(day);

-- ingest_log has one line per input ever given to Put.
CREATE TABLE ingest_log (
	seq    INTEGER PRIMARY KEY,
	at     TIMESTAMP NOT NULL, -- store clock
	input  TEXT NOT NULL,
	status TEXT NOT NULL,
	doc_id TEXT NOT NULL,
	hash   TEXT NOT NULL,
	reason TEXT NOT NULL
);
CREATE INDEX ingest_log_status ON ingest_log(status, seq);
