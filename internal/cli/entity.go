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
matter. Articles that name it only in part ("Trump") and were linked to
it count as its appearances, marked "(linked)". When several entities
answer to the name, the others are listed; a name that is only a part of
several names ("Kim") lists the candidates, with their titles and dates,
instead of a report.

Examples:
  dateline entity Putin
  dateline entity --type GPE Georgia
  dateline entity --json "Steve Witkoff"
  dateline entity --why Kim                    # which articles' "Kim" is which Kim, and why

An article that names someone only in part ("Trump", "Kim") is linked to
the fuller-named entity it denotes when the type, titles or company single
one out; --why lists those decisions, including names left ambiguous.

Exit status 1 when no entity has the name.
`

func runEntity(ctx context.Context, env Env, args []string) error {
	fs := newFlags("entity")
	var qf queryFlags
	qf.register(fs)
	var q store.EntityQuery
	fs.StringVar(&q.Type, "type", "", "only entities of this `type` (PERSON, ORG, GPE, ...)")
	fs.IntVar(&q.Limit, "limit", store.DefaultLimit, "articles and co-occurring entities to show")
	why := fs.Bool("why", false, "also list the cross-article links made for the name and their reasons")
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
	return withStore(ctx, qf, func(s store.Store) error {
		if !*why {
			return entity(ctx, env, s, q, qf.json)
		}
		cd, ok := s.(store.CrossDoc)
		if !ok {
			return errors.New("entity --why: this store does not link entities across articles")
		}
		if qf.json {
			return entityWhyJSON(ctx, env, s, cd, q)
		}
		if err := entity(ctx, env, s, q, false); err != nil {
			return err
		}
		return entityWhy(ctx, env, cd, q.Name)
	})
}

// entityLinker is what entity --why needs of a store.
type entityLinker interface {
	EntityLinks(ctx context.Context, name string) ([]store.EntityLink, error)
}

// entityWhyJSON prints the report and the linking decisions as one JSON
// object: {"entity": report, "links": [...]}.
func entityWhyJSON(ctx context.Context, env Env, r entityReporter, s entityLinker, q store.EntityQuery) error {
	rep, err := r.Entity(ctx, q)
	if errors.Is(err, store.ErrNotFound) {
		return &exitError{exitFailed, fmt.Errorf("no entity named %q", q.Name)}
	}
	if err != nil {
		return err
	}
	links, err := s.EntityLinks(ctx, q.Name)
	if err != nil {
		return err
	}
	if links == nil {
		links = []store.EntityLink{}
	}
	return writeJSON(env.Stdout, struct {
		Entity *store.EntityReport `json:"entity"`
		Links  []store.EntityLink  `json:"links"`
	}{rep, links})
}

// entityWhy prints the linking decisions for name after the report.
func entityWhy(ctx context.Context, env Env, s entityLinker, name string) error {
	links, err := s.EntityLinks(ctx, name)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "\nLinks across articles:")
	if len(links) == 0 {
		fmt.Fprintln(env.Stdout, "  none: every article names it in full, or no fuller name is stored")
		return nil
	}
	t := table{header: []string{"DATE", "ARTICLE", "NAMED", "IS", "WHY"}}
	for _, l := range links {
		t.add("", day(l.Date), l.DocID+"/"+l.Local, l.Name, orDash(l.Canonical), l.Reason)
	}
	return t.write(env.Stdout)
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
	if r.Ambiguous {
		return printAmbiguous(env, q.Name, r)
	}
	return printEntity(env, r)
}

// printAmbiguous lists the entities an ambiguous name may denote.
func printAmbiguous(env Env, name string, r *store.EntityReport) error {
	w := env.Stdout
	fmt.Fprintf(w, "%q is ambiguous: %d entities answer to it.\n\n", name, len(r.Candidates))
	t := table{header: []string{"ARTICLES", "FIRST", "LAST", "TYPE", "ENTITY", "TITLES"}}
	for _, c := range r.Candidates {
		n := c.Name
		if c.Unresolved {
			n += " (not linked to a fuller name)"
		}
		t.add("", strconv.Itoa(c.Documents), orDash(c.First), orDash(c.Last), c.Type, n, orDash(strings.Join(c.Titles, "; ")))
	}
	if err := t.write(w); err != nil {
		return err
	}
	for _, c := range r.Candidates {
		if !c.Unresolved {
			fmt.Fprintf(w, "\nName one in full for its report, e.g. dateline entity %q\n", c.Name)
			break
		}
	}
	return nil
}

func printEntity(env Env, r *store.EntityReport) error {
	w := env.Stdout
	fmt.Fprintf(w, "%s (%s): %s, %s", r.Name, r.Type, count(r.Documents, "article"), count(r.Mentions, "mention"))
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
	if len(r.Names) > 0 {
		fmt.Fprintln(w, "\nNamed as:")
		t := table{header: []string{"FIRST", "LAST", "MENTIONS", "NAME"}}
		for _, n := range r.Names {
			t.add("", orDash(n.First), orDash(n.Last), strconv.Itoa(n.Mentions), n.Name)
		}
		if err := t.write(w); err != nil {
			return err
		}
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
		as := cut(strings.Join(a.Forms, ", "), 50)
		if a.Link != "" {
			as += " (linked)"
		}
		t.add("", day(a.Date), a.DocID, strconv.Itoa(a.Mentions), as, cut(orDash(a.Title), 60))
	}
	return t.write(w)
}
