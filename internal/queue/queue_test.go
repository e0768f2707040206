package queue_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"dateline/internal/doc"
	"dateline/internal/queue"
	"dateline/internal/store/postgres/pgtest"
)

// open returns a queue in a fresh schema of $DATELINE_TEST_POSTGRES, or
// skips (scripts/pg-test.sh sets the variable).
func open(t *testing.T) *queue.Queue {
	t.Helper()
	db, err := sql.Open("pgx", pgtest.SchemaURL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	qu, err := queue.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return qu
}

func enqueue(t *testing.T, q *queue.Queue, n int) {
	t.Helper()
	items := make([]queue.Item, n)
	for i := range items {
		items[i] = queue.Item{Input: fmt.Sprintf("in:%d", i), Doc: &doc.Document{ID: fmt.Sprint("d", i), Date: "2025-08-06", Text: fmt.Sprintf("Article %d.", i)}}
	}
	if err := q.Enqueue(context.Background(), items); err != nil {
		t.Fatal(err)
	}
}

func TestClaimsDoNotOverlap(t *testing.T) {
	q := open(t)
	ctx := context.Background()
	enqueue(t, q, 300)
	var (
		mu   sync.Mutex
		seen = map[int64]string{}
		wg   sync.WaitGroup
	)
	for w := range 4 {
		wg.Go(func() {
			name := fmt.Sprint("w", w)
			for {
				items, err := q.Claim(ctx, name, 7, time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if len(items) == 0 {
					return
				}
				mu.Lock()
				for _, it := range items {
					if prev, ok := seen[it.ID]; ok {
						t.Errorf("item %d claimed by %s and %s", it.ID, prev, name)
					}
					seen[it.ID] = name
					if it.Doc == nil || it.Doc.Text == "" || it.Attempts != 1 {
						t.Errorf("item %+v", it)
					}
				}
				mu.Unlock()
				ids := make([]int64, len(items))
				for i, it := range items {
					ids[i] = it.ID
				}
				if err := q.Done(ctx, name, ids); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if len(seen) != 300 {
		t.Errorf("%d items claimed, want 300", len(seen))
	}
	if n, err := q.Len(ctx); err != nil || n != 0 {
		t.Errorf("Len = %d, %v; want 0", n, err)
	}
}

func TestLeaseExpiry(t *testing.T) {
	q := open(t)
	ctx := context.Background()
	enqueue(t, q, 3)
	first, err := q.Claim(ctx, "dead", 3, 300*time.Millisecond)
	if err != nil || len(first) != 3 {
		t.Fatalf("claim: %d, %v", len(first), err)
	}
	if again, _ := q.Claim(ctx, "other", 3, time.Minute); len(again) != 0 {
		t.Fatalf("leased items claimed again at once: %d", len(again))
	}
	time.Sleep(400 * time.Millisecond)
	taken, err := q.Claim(ctx, "other", 3, time.Minute)
	if err != nil || len(taken) != 3 || taken[0].Attempts != 2 {
		t.Fatalf("after the lease: %+v, %v; want 3 items on their 2nd attempt", taken, err)
	}
	ids := []int64{first[0].ID, first[1].ID, first[2].ID}
	if err := q.Done(ctx, "dead", ids); !errors.Is(err, queue.ErrLeaseLost) {
		t.Errorf("Done by the old holder: %v, want ErrLeaseLost", err)
	}
	if err := q.Release(ctx, "other", ids[:1]); err != nil {
		t.Fatal(err)
	}
	back, err := q.Claim(ctx, "third", 3, time.Minute)
	if err != nil || len(back) != 1 || back[0].ID != ids[0] {
		t.Errorf("released item: %+v, %v", back, err)
	}
}

// TestHeartbeat: a worker whose batch takes several leases keeps it while
// it renews, and loses it one lease after it stops.
func TestHeartbeat(t *testing.T) {
	q := open(t)
	ctx := context.Background()
	enqueue(t, q, 3)
	const lease = 300 * time.Millisecond
	items, err := q.Claim(ctx, "slow", 3, lease)
	if err != nil || len(items) != 3 {
		t.Fatalf("claim: %d, %v", len(items), err)
	}
	ids := []int64{items[0].ID, items[1].ID, items[2].ID}
	var errs []error
	var mu sync.Mutex
	stop := q.Heartbeat(ctx, "slow", ids, lease, func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	})
	for range 4 { // over three leases
		time.Sleep(lease / 2)
		if again, err := q.Claim(ctx, "other", 3, time.Minute); err != nil || len(again) != 0 {
			t.Fatalf("renewed items claimed by another worker: %d, %v", len(again), err)
		}
	}
	stop()
	mu.Lock()
	if len(errs) > 0 {
		t.Errorf("heartbeat errors: %v", errs)
	}
	mu.Unlock()
	time.Sleep(lease + 100*time.Millisecond)
	taken, err := q.Claim(ctx, "other", 3, time.Minute)
	if err != nil || len(taken) != 3 {
		t.Fatalf("after the heartbeat stopped: %d items, %v; want 3", len(taken), err)
	}
	if err := q.Done(ctx, "slow", ids); !errors.Is(err, queue.ErrLeaseLost) {
		t.Errorf("Done by the old holder: %v, want ErrLeaseLost", err)
	}
}

// TestRenewAfterLoss: items another worker took after the lease ran out
// are not renewed, and the heartbeat reports the loss once.
func TestRenewAfterLoss(t *testing.T) {
	q := open(t)
	ctx := context.Background()
	enqueue(t, q, 2)
	items, err := q.Claim(ctx, "stalled", 2, 100*time.Millisecond)
	if err != nil || len(items) != 2 {
		t.Fatalf("claim: %d, %v", len(items), err)
	}
	ids := []int64{items[0].ID, items[1].ID}
	time.Sleep(200 * time.Millisecond)
	if taken, err := q.Claim(ctx, "other", 1, time.Minute); err != nil || len(taken) != 1 {
		t.Fatalf("claim after expiry: %d, %v", len(taken), err)
	}
	// The other item's lease ran out too, but nobody took it: still ours.
	if n, err := q.Renew(ctx, "stalled", ids, time.Minute); err != nil || n != 1 {
		t.Errorf("Renew = %d, %v; want 1", n, err)
	}
	lost := make(chan error, 10)
	stop := q.Heartbeat(ctx, "stalled", ids, 60*time.Millisecond, func(err error) { lost <- err })
	time.Sleep(200 * time.Millisecond) // several beats
	stop()
	close(lost)
	var got []error
	for err := range lost {
		got = append(got, err)
	}
	if len(got) != 1 || !errors.Is(got[0], queue.ErrLeaseLost) {
		t.Errorf("heartbeat reported %v; want one ErrLeaseLost", got)
	}
	if n, err := q.Renew(ctx, "stalled", nil, time.Minute); err != nil || n != 0 {
		t.Errorf("Renew of nothing = %d, %v", n, err)
	}
}

// TestHeartbeatStopsWithContext: cancelling the worker's context ends the
// renewals without an error report.
func TestHeartbeatStopsWithContext(t *testing.T) {
	q := open(t)
	enqueue(t, q, 1)
	items, err := q.Claim(context.Background(), "w", 1, 100*time.Millisecond)
	if err != nil || len(items) != 1 {
		t.Fatalf("claim: %d, %v", len(items), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var reported bool
	stop := q.Heartbeat(ctx, "w", []int64{items[0].ID}, 100*time.Millisecond, func(error) { reported = true })
	cancel()
	stop() // returns once the goroutine has ended
	if reported {
		t.Error("a cancelled heartbeat reported an error")
	}
	time.Sleep(150 * time.Millisecond)
	if taken, err := q.Claim(context.Background(), "other", 1, time.Minute); err != nil || len(taken) != 1 {
		t.Errorf("after cancellation: %d, %v; want the item back", len(taken), err)
	}
}
