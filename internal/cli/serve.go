package cli

import (
	"context"
	"fmt"
	"net"
	"os"

	"dateline/internal/server"
)

const serveHelp = `Usage: dateline serve [flags]

Serves the stored articles over HTTP: a JSON API (described at
/api/openapi.json) and a web UI for searching articles, reading them with
entities, times, quotes and events highlighted, following people across
articles, finding quotes and watching deadlines.

The server is read-only and listens on loopback unless told otherwise.
--allow-ingest turns on POST /api/documents, which analyses and stores one
article; on an address other than loopback it then needs a bearer token
(--token or $DATELINE_TOKEN), or the server refuses to start. POST
/api/extract analyses a posted article without storing it. SIGINT or
SIGTERM shuts down gracefully.

Examples:
  dateline serve --db news.db                       # http://127.0.0.1:8080/
  dateline serve --addr 127.0.0.1:9000
  DATELINE_TOKEN=s3cret dateline serve --addr :8080 --allow-ingest
  curl 'http://127.0.0.1:8080/api/search?q=ceasefire&from=2025-08-01'
  curl -d '{"date":"2025-08-06","text":"Putin met Witkoff in Moscow."}' http://127.0.0.1:8080/api/extract
`

func runServe(ctx context.Context, env Env, args []string) error {
	fs := newFlags("serve")
	var db, addr, token string
	var allowIngest bool
	var maxBody int64
	fs.StringVar(&db, "db", "", dbFlagHelp)
	fs.StringVar(&addr, "addr", "127.0.0.1:8080", "`host:port` to listen on")
	fs.BoolVar(&allowIngest, "allow-ingest", false, "allow POST /api/documents to analyse and store articles")
	fs.StringVar(&token, "token", "", "bearer `token` writing requests must carry (default $DATELINE_TOKEN)")
	fs.Int64Var(&maxBody, "max-body", server.DefaultMaxBody, "largest request body in `bytes`")
	pos, err := parseFlags(env, fs, serveHelp, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return fmt.Errorf("%w: serve takes no arguments", errUsage)
	}
	if token == "" {
		token = os.Getenv("DATELINE_TOKEN")
	}
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return fmt.Errorf("%w: --addr: %v", errUsage, err)
	}
	if err := server.CheckExposure(addr, allowIngest, token); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	p, err := newPipeline()
	if err != nil {
		return fmt.Errorf("build pipeline: %w", err)
	}
	st, err := openStore(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	srv, err := server.New(server.Config{Store: st, Analyzer: p, AllowIngest: allowIngest, Token: token, MaxBody: maxBody, Log: env.Log})
	if err != nil {
		return err
	}
	return srv.Serve(ctx, addr, func(a net.Addr) {
		env.Log.Info("serving", "url", "http://"+a.String()+"/", "ingest", allowIngest)
	})
}
