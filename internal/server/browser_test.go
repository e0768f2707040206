package server

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// findChromium returns a Chromium or Chrome binary on PATH, or "".
func findChromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser drives headless Chromium through the UI: search, an article,
// an entity, the deadline board, and a phone-width home page. Screenshots
// go to $DATELINE_SCREENSHOTS (default: a temporary directory).
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	bin := findChromium()
	if bin == "" {
		t.Skip("no chromium binary on PATH: install it (apt-get install chromium, or scripts/ci-deps.sh) to run the browser test")
	}
	shots := os.Getenv("DATELINE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	srv, _ := newTestServer(t, nil)
	ctx, stop := context.WithCancel(t.Context())
	addrc := make(chan string, 1)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, "127.0.0.1:0", func(a net.Addr) { addrc <- a.String() }) }()
	base := "http://" + <-addrc
	t.Cleanup(func() {
		stop()
		if err := <-served; err != nil {
			t.Errorf("serve: %v", err)
		}
	})

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox, // tests run as root in CI containers
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	bctx, cancelTimeout := context.WithTimeout(bctx, 90*time.Second)
	defer cancelTimeout()

	// Steps that return nothing go through do, values through get.
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return v
	}
	count := func(sel string) int {
		t.Helper()
		v, err := chromedp.Run(bctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sel)+`).length`))
		if err != nil {
			t.Fatalf("count %s: %v", sel, err)
		}
		return v
	}
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantIn := func(what, got string, wants ...string) {
		t.Helper()
		for _, w := range wants {
			if !strings.Contains(got, w) {
				t.Errorf("%s: no %q in %q", what, w, cut(got, 400))
			}
		}
	}

	// Home → search by typing into the box and pressing Enter.
	do("home", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	shot("01-home")
	do("search", chromedp.SendKeys(chromedp.ID("q"), "budget\n"), chromedp.WaitVisible(chromedp.CSS("h1.count")))
	wantIn("result count", text("h1.count"), "of 2 articles")
	if n := count("ol.cards .snippet .hit"); n == 0 {
		t.Error("no highlighted words in the snippets")
	}
	shot("02-search")

	// Search → the council article; its entities, times and quotes are marked.
	do("open article",
		chromedp.Navigate(base+"/search?q=mayor+budget"),
		chromedp.Click(chromedp.CSS(`a.title[href="/articles/council-budget"]`)),
		chromedp.WaitVisible(chromedp.CSS("article.article h1")))
	wantIn("article title", text("article.article h1"), "Mayor Okafor warns council")
	hover, err := chromedp.Run(bctx, chromedp.AttributeValue(chromedp.CSS(`#body a.ent-person`), "title"))
	if err != nil {
		t.Fatal(err)
	}
	wantIn("entity hover title", hover.Value, "PERSON · ")
	wantIn("article text", text("#body"), "libraries and swimming pools would close in May")
	if q, tx := count("#body .quote"), count("#body .tx"); q == 0 || tx == 0 {
		t.Errorf("article marks: %d quotes, %d times; want some of each", q, tx)
	}
	shot("03-article")

	// A click on a person opens the entity page.
	do("open entity",
		chromedp.Click(chromedp.CSS(`#body a.ent-person[href^="/entities/Grace%20Okafor"]`)),
		chromedp.WaitVisible(chromedp.CSS(".entity-head h1")))
	wantIn("entity name", text(".entity-head h1"), "Grace Okafor")
	wantIn("entity page", text("main"), "Names and titles over time", "Timeline", "Quotes by Grace Okafor", "The money runs out", "Articles")
	shot("04-entity")

	// A person with meetings has the graph.
	do("entity with meetings", chromedp.Navigate(base+"/entities/Tomas%20Lind?type=PERSON"), chromedp.WaitVisible(chromedp.CSS(".entity-head h1")))
	if count("svg.graph a") == 0 {
		t.Error("no one in Tomas Lind's meeting graph")
	}
	shot("05-entity-graph")

	// The deadline board, by keyboard: focus the "Deadlines" link, press Enter.
	do("deadline board",
		chromedp.Navigate(base+"/quotes"),
		chromedp.Focus(chromedp.CSS(`header nav a[href="/deadlines"]`)),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(chromedp.CSS(".board")))
	wantIn("pending column", text(".column.pending"), "2025-04-30", "Grace Okafor", "approve a revised budget")
	wantIn("evidence", text(".column.pending .evidence"), "until April 30")
	shot("06-deadlines")

	// Quotes by words, then the home page and an article at phone width.
	do("quotes", chromedp.Navigate(base+"/quotes?about=patience"))
	wantIn("quote", text("blockquote.q"), "run out of patience")
	shot("07-quotes")
	do("phone", chromedp.EmulateViewport(390, 844), chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("q")))
	overflow, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Error("home page scrolls sideways at 390 px")
	}
	shot("08-home-phone")
	do("phone article", chromedp.Navigate(base+"/articles/harbour-strike"), chromedp.WaitVisible(chromedp.ID("body")))
	shot("09-article-phone")
	t.Logf("screenshots in %s", shots)
}
