package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"dateline/internal/store"
)

const entityHelp = `Usage: dateline entity [flags] NAME

Reports what the stored articles say about one person, organisation or
place: how often and where it is mentioned, the titles it was given over
time ("special envoy", then "Secretary of State"), and the entities seen
with it. NAME may be a full name or an alias ("Putin"); case does not
matter. When several entities answer to it, the others are listed.

Examples:
  dateline entity Putin
  dateline entity --type GPE Georgia
  dateline entity --json "Steve Witkoff"

Exit status 1 when no entity has the name.
`

func runEntity(ctx context.Context, env Env, args []string) error {
	fs := newFlags("entity")
	var qf queryFlags
	qf.register(fs)
	var q store.EntityQuery
	fs.StringVar(&q.Type, "type", "", "only entities of this `type` (PERSON, ORG, GPE, ...)")
	fs.IntVar(&q.Limit, "limit", store.DefaultLimit, "articles and co-occurring entities to show")
	pos, err := parseFlags(env, fs, entityHelp, args)
	if err != nil {
		return err
	}
	q.Name = strings.Join(pos, " ")
	if strings.TrimSpace(q.Name) == "" {
		return fmt.Errorf("%w: entity needs a NAME", errUsage)
	}
	if q.Limit < 1 {
		return fmt.Errorf("%w: --limit must be at least 1", errUsage)
	}
	return withStore(ctx, qf, func(s store.Store) error { return entity(ctx, env, s, q, qf.json) })
}

// entityReporter is what entity needs of a store.
type entityReporter interface {
	Entity(ctx context.Context, q store.EntityQuery) (*store.EntityReport, error)
}

func entity(ctx context.Context, env Env, s entityReporter, q store.EntityQuery, asJSON bool) error {
	r, err := s.Entity(ctx, q)
	if errors.Is(err, store.ErrNotFound) {
		return &exitError{exitFailed, fmt.Errorf("no entity named %q", q.Name)}
	}
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(env.Stdout, r)
	}
	return printEntity(env, r)
}

func printEntity(env Env, r *store.EntityReport) error {
	w := env.Stdout
	fmt.Fprintf(w, "%s (%s): %d articles, %d mentions", r.Name, r.Type, r.Documents, r.Mentions)
	if r.First != "" {
		fmt.Fprintf(w, ", %s to %s", r.First, r.Last)
	}
	fmt.Fprintln(w)
	if len(r.Also) > 0 {
		var also []string
		for _, a := range r.Also {
			also = append(also, fmt.Sprintf("%s (%s)", a.Name, a.Type))
		}
		fmt.Fprintf(w, "Also answering to the name: %s\n", strings.Join(also, ", "))
	}
	if len(r.Titles) > 0 {
		fmt.Fprintln(w, "\nTitles:")
		t := table{header: []string{"FIRST", "LAST", "ARTICLES", "TITLE"}}
		for _, ti := range r.Titles {
			t.add("", orDash(ti.First), orDash(ti.Last), strconv.Itoa(ti.Documents), ti.Title)
		}
		if err := t.write(w); err != nil {
			return err
		}
	}
	if len(r.CoOccurring) > 0 {
		fmt.Fprintln(w, "\nSeen with:")
		t := table{header: []string{"ARTICLES", "TYPE", "ENTITY"}}
		for _, c := range r.CoOccurring {
			t.add("", strconv.Itoa(c.Documents), c.Type, c.Name)
		}
		if err := t.write(w); err != nil {
			return err
		}
	}
	fmt.Fprintln(w, "\nMentioned in:")
	t := table{header: []string{"DATE", "ID", "MENTIONS", "AS", "TITLE"}}
	for _, a := range r.Appearances {
		t.add("", day(a.Date), a.DocID, strconv.Itoa(a.Mentions), cut(strings.Join(a.Forms, ", "), 50), cut(orDash(a.Title), 60))
	}
	return t.write(w)
}
