package cli

import (
	"context"

	"dateline/internal/store"
	"dateline/internal/store/postgres"
	"dateline/internal/store/sqlite"
)

// dbFlagHelp documents the --db flag every store command shares.
const dbFlagHelp = "database `path` or postgres:// URL (default $DATELINE_DB, else dateline.db)"

// openStore opens the store a --db value names: a postgres:// or
// postgresql:// URL is a PostgreSQL database, anything else a SQLite file.
// An empty value falls back to $DATELINE_DB, then dateline.db.
func openStore(ctx context.Context, db string) (store.Store, error) {
	db = sqlite.Path(db)
	// Each branch returns a nil interface on error, never a nil *DB in one.
	if postgres.IsURL(db) {
		s, err := postgres.Open(ctx, db)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	return s, nil
}
