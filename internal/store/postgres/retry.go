package postgres

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"dateline/internal/store"
)

// putAttempts bounds how often Put runs a batch that PostgreSQL aborted.
const putAttempts = 5

// Put stores a batch as [sqldb.DB.Put] does, running the whole transaction
// again when PostgreSQL aborts it as a deadlock victim or a serialization
// failure. Concurrent workers upsert the same entities and sources in
// different orders, so one of two colliding batches is rolled back; nothing
// of it was written, so running it again is safe, and cheaper than handing
// the batch back to the queue (which counts an attempt against every
// article in it).
func (db *DB) Put(ctx context.Context, batch []store.Entry) ([]store.Result, error) {
	for attempt := 1; ; attempt++ {
		res, err := db.DB.Put(ctx, batch)
		if err == nil || attempt == putAttempts || !transient(err) {
			return res, err
		}
		// Back off with jitter so the colliding writers do not meet again.
		wait := time.Duration(attempt)*50*time.Millisecond + rand.N(50*time.Millisecond)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, err
		}
	}
}

// transient reports whether err is PostgreSQL aborting a transaction that
// may succeed when run again: deadlock_detected or serialization_failure.
func transient(err error) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && (pg.Code == "40P01" || pg.Code == "40001")
}
