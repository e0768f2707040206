package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"dateline/internal/store"
)

const storyHelp = `Usage: dateline story [flags] ID

Shows one story: the stored articles grouped as reports of the same news,
oldest first, each with the names and words it shared with the story when
it joined, then the events they report, each counted once with its number
of sources (articles) and reports (mentions). Articles join a story at ingest when they share its people,
places and topic words within 30 days of its latest article. ID is a
story number, or a document id to show the story that document is in.

Examples:
  dateline story 12
  dateline story reuters-2026-03-02-iran    # the story of this article
  dateline story --json 12

Exit status 1 when there is no such story.
`

func runStory(ctx context.Context, env Env, args []string) error {
	fs := newFlags("story")
	var qf queryFlags
	qf.register(fs)
	pos, err := parseFlags(env, fs, storyHelp, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || strings.TrimSpace(pos[0]) == "" {
		return fmt.Errorf("%w: story needs one ID", errUsage)
	}
	return withStore(ctx, qf, func(s store.Store) error {
		cd, ok := s.(store.CrossDoc)
		if !ok {
			return errors.New("story: this store does not group articles into stories")
		}
		return showStory(ctx, env, cd, pos[0], qf.json)
	})
}

// storyFinder is what story needs of a store.
type storyFinder interface {
	Story(ctx context.Context, id int64) (*store.StoryReport, error)
	StoryOf(ctx context.Context, docID string) (int64, error)
}

func showStory(ctx context.Context, env Env, s storyFinder, arg string, asJSON bool) error {
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil {
		id, err = s.StoryOf(ctx, arg)
	}
	var r *store.StoryReport
	if err == nil {
		r, err = s.Story(ctx, id)
	}
	if errors.Is(err, store.ErrNotFound) {
		return &exitError{exitFailed, fmt.Errorf("no story %q", arg)}
	}
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(env.Stdout, r)
	}
	fmt.Fprintf(env.Stdout, "story %d: %s, %s to %s\n", r.ID, count(len(r.Documents), "article"), orDash(r.First), orDash(r.Last))
	t := table{header: []string{"DATE", "DOCUMENT", "TITLE", "SHARED"}}
	for _, d := range r.Documents {
		shared := "(started the story)"
		if len(d.Shared) > 0 {
			shared = strings.Join(d.Shared, ", ")
		}
		t.add("", orDash(store.Day(d.Date)), d.DocID, cut(orDash(d.Title), 50), cut(shared, 70))
	}
	if err := t.write(env.Stdout); err != nil {
		return err
	}
	if len(r.Events) == 0 {
		return nil
	}
	fmt.Fprintln(env.Stdout, "\nEvents (each once, with its sources):")
	et := table{header: []string{"DAY", "TYPE", "PARTIES", "SOURCES", "REPORTS", "ARTICLES"}}
	for _, e := range r.Events {
		et.add("", e.Day, e.Type, cut(strings.Join(e.Parties, ", "), 50), strconv.Itoa(e.Sources), strconv.Itoa(e.Reports),
			cut(strings.Join(e.Docs, " "), 40))
	}
	return et.write(env.Stdout)
}
