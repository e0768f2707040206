package cli

import (
	"context"
	"fmt"
	"strings"

	"dateline/internal/store"
	"dateline/internal/store/sqlite"
)

// dbFlagHelp documents the --db flag every store command shares.
const dbFlagHelp = "database `path` or postgres:// URL (default $DATELINE_DB, else dateline.db)"

// openStore opens the store a --db value names: a postgres:// or
// postgresql:// URL is a PostgreSQL database, anything else a SQLite file.
// An empty value falls back to $DATELINE_DB, then dateline.db.
func openStore(ctx context.Context, db string) (store.Store, error) {
	db = sqlite.Path(db)
	if strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://") {
		return nil, fmt.Errorf("%w: --db %s: PostgreSQL is not built in yet", errUsage, db)
	}
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	return s, nil
}
