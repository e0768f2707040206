-- Near-duplicates (see internal/store/neardup): syndicated copies of a story
-- that differ from a stored document by a headline, a byline or a paragraph.
--
-- minhash holds the MinHash signature of each stored document with enough
-- text (K=128 little-endian uint32s); lsh_bands holds its band hashes, one
-- row per band, so the candidates of a new text are found by 32 lookups in
-- the primary key, whatever the size of the archive. Both go with their
-- document (ON DELETE CASCADE), so replacing a document replaces them.
CREATE TABLE minhash (
	doc INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
	sig BLOB NOT NULL
);
CREATE TABLE lsh_bands (
	bucket INTEGER NOT NULL, -- band hash; the band's number is hashed in
	doc    INTEGER NOT NULL REFERENCES documents(seq) ON DELETE CASCADE,
	PRIMARY KEY (bucket, doc)
) WITHOUT ROWID;
CREATE INDEX lsh_bands_doc ON lsh_bands(doc);

-- near_duplicates records each copy that was not stored (nor analysed)
-- because a stored document holds nearly the same text: the copy's own id,
-- where it came from, and the original with the estimated Jaccard
-- similarity of their 5-word shingles. original is a document id, not a
-- foreign key: the link outlives a re-ingest of the original.
CREATE TABLE near_duplicates (
	id         TEXT PRIMARY KEY,
	original   TEXT NOT NULL,
	similarity REAL NOT NULL,
	title      TEXT NOT NULL,
	url        TEXT NOT NULL,
	source     TEXT NOT NULL,
	date       TEXT NOT NULL,
	added      TIMESTAMP NOT NULL
);
CREATE INDEX near_duplicates_original ON near_duplicates(original);
