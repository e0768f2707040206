-- crossdoc_state.gen counts the batches that changed the cross-document
-- layers: each increments it in its transaction. A writer keeps recent
-- rows of those layers in memory between its batches and trusts them only
-- while gen is the value its own last batch left, that is while no other
-- process or handle changed the layers (internal/store/sqldb/crosscache.go).
CREATE TABLE crossdoc_state (
	id  INTEGER PRIMARY KEY CHECK (id = 1),
	gen BIGINT NOT NULL
);
INSERT INTO crossdoc_state (id, gen) VALUES (1, 0);
