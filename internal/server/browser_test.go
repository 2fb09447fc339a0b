package server

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// findBrowser returns the path of a Chromium-family browser: $ATTACHE_CHROME,
// else the first of the usual names on PATH.
func findBrowser() string {
	if p := os.Getenv("ATTACHE_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestDashboardInBrowser drives the dashboard in headless Chromium on the
// demo corpus: the overview, the RUS<->USA dyad view (charts drawn, a click
// on the chart and on a day lists that day's happenings), a document with
// its highlighted spans, the event list, and the hostile story (no dialog,
// no injected element). Screenshots go to a temporary directory, or to
// $ATTACHE_SCREENSHOTS. Skips when no browser is installed.
func TestDashboardInBrowser(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no Chromium found (install chromium or set ATTACHE_CHROME)")
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	_, ts := newTestServer(t, Options{})
	shots := os.Getenv("ATTACHE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browser), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck, chromedp.WindowSize(1280, 900), chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()

	// Every JavaScript dialog is a failure (an executed alert(1)); close it
	// so that the page does not hang.
	var mu sync.Mutex
	var dialogs, problems []string
	dialogEvents := chromedp.Events(ctx, cdppage.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogEvents {
			if err != nil {
				return
			}
			mu.Lock()
			dialogs = append(dialogs, ev.Message)
			mu.Unlock()
			chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" || strings.Contains(m.Text, "Content Security Policy") {
				mu.Lock()
				problems = append(problems, m.String())
				mu.Unlock()
			}
		}
	}()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	count := func(sel string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
		if err != nil {
			t.Fatalf("counting %s: %v", sel, err)
		}
		return n
	}
	// shot saves the whole page (or, for long lists, the viewport) as PNG.
	shot := func(name string, full bool) {
		t.Helper()
		// Let charts and fonts settle before the picture.
		chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond))
		act := chromedp.CaptureScreenshot()
		if full {
			act = chromedp.FullScreenshot(100)
		}
		buf, err := chromedp.Run(ctx, act)
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(shots, name), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Overview.
	do("overview", chromedp.Navigate(ts.URL+"/#/"), chromedp.WaitVisible("#timeline-chart canvas"), chromedp.WaitVisible(".stat"),
		chromedp.WaitVisible("#dy-h"), chromedp.Poll[chromedp.Void](`document.querySelectorAll('section table tbody tr').length > 0`, chromedp.WithPollingTimeout(20*time.Second)))
	if n := count(".alerts li"); n == 0 {
		t.Error("overview: no alerts listed")
	}
	shot("overview.png", true)

	// Dyad view: both charts drawn, alerts listed.
	do("dyad view", chromedp.Navigate(ts.URL+"/#/dyad/RUS/USA?by=day"), chromedp.WaitVisible("#dyad-goldstein canvas"),
		chromedp.WaitVisible("#dyad-quad-0 canvas"), chromedp.WaitVisible("#dyad-quad-1 canvas"), chromedp.WaitVisible(".day-btn"))
	if n := count("#dyad-goldstein .u-legend .u-series"); n < 3 {
		t.Errorf("dyad chart legend has %d series, want x + 2 directions", n)
	}
	// The alerts of both directions are listed and marked on the chart.
	var a1, a2 AlertsResponse
	getJSON(t, ts.URL+"/api/v1/alerts?dyad=RUS-USA", &a1)
	getJSON(t, ts.URL+"/api/v1/alerts?dyad=USA-RUS", &a2)
	want := len(a1.Alerts) + len(a2.Alerts)
	if n := count(".alerts li"); n != want {
		t.Errorf("dyad view lists %d alerts, the API has %d", n, want)
	}
	marked, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#dyad-goldstein').getAttribute('data-alerts')`))
	if err != nil || marked != strconv.Itoa(want) {
		t.Errorf("chart marks %q alerts, want %d (%v)", marked, want, err)
	}
	// Click the middle of the Goldstein chart: the day under the cursor is listed.
	rect, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(function(){var r=document.querySelector('#dyad-goldstein .u-over').getBoundingClientRect();return [r.left+r.width/2, r.top+r.height/2];})()`))
	if err != nil || len(rect) != 2 {
		t.Fatalf("chart position: %v %v", rect, err)
	}
	do("click the chart", chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, rect[0], rect[1]), chromedp.MouseClickXY(rect[0], rect[1]), chromedp.WaitVisible("#day-title"))
	title, err := chromedp.Run(ctx, chromedp.Text("#day-title"))
	if err != nil || !strings.HasPrefix(title, "Happenings 20") {
		t.Errorf("day panel after a chart click: %q %v", title, err)
	}
	// Keyboard: focus a day of the table and press Enter.
	do("keyboard", chromedp.Evaluate[chromedp.Void](`document.getElementById('day-panel').textContent = ''`),
		chromedp.Focus(".day-btn"), chromedp.KeyEvent("\r"), chromedp.WaitVisible("#day-clusters"))
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`))
	if err != nil || focused != "day-title" {
		t.Errorf("after Enter on a day, focus is on %q, want the day panel's heading (%v)", focused, err)
	}
	// Click a day of the table: its happenings are listed.
	do("click a day", chromedp.Click(".day-btn"), chromedp.WaitVisible("#day-clusters li.cluster"))
	if n := count("#day-clusters li.cluster"); n == 0 {
		t.Error("no happenings listed for the clicked day")
	}
	do("show reports", chromedp.Click("#day-clusters li.cluster button.link"), chromedp.WaitVisible("#day-clusters li.cluster q"))
	shot("dyad.png", true)

	// Open a document from the day's happening, then the TASS story.
	do("open a document", chromedp.Click(`#day-clusters li.cluster .meta a[href^="#/doc/"]`), chromedp.WaitVisible("#doctext mark"))
	do("document view", chromedp.Navigate(ts.URL+"/#/doc/demo-002"), chromedp.WaitVisible(`#doctext mark[data-kind="event"]`))
	for _, kind := range []string{"entity", "timex", "quote", "event"} {
		if n := count(`#doctext mark[data-kind="` + kind + `"]`); n == 0 {
			t.Errorf("document view: no %s highlighted", kind)
		}
	}
	if n := count(".analysis section"); n < 4 {
		t.Errorf("document view: %d analysis sections", n)
	}
	shot("document.png", true)

	// Event list with highlighted evidence.
	do("events", chromedp.Navigate(ts.URL+"/#/events?dyad=RUS-USA"), chromedp.WaitVisible("li.event mark.ev-verb"))
	for _, sel := range []string{"li.event mark.ev-verb", "li.event mark.ev-src"} {
		if count(sel) == 0 {
			t.Errorf("events: nothing matches %s", sel)
		}
	}
	shot("events.png", false)

	do("quotes", chromedp.Navigate(ts.URL+"/#/quotes?speaker=Dmitry%20Peskov"), chromedp.WaitVisible("li.quote blockquote"), chromedp.WaitVisible(".speakers button"))
	shot("quotes.png", false)
	do("actor", chromedp.Navigate(ts.URL+"/#/actor/Maria%20Zakharova"), chromedp.WaitVisible("table caption"), chromedp.WaitVisible(".registry table"))
	shot("actor.png", false)

	// The hostile story: its markup is shown as text, never run.
	do("hostile document", chromedp.Navigate(ts.URL+"/#/doc/"+xssID), chromedp.WaitVisible("#doctext mark"))
	text, err := chromedp.Run(ctx, chromedp.TextContent("#doctext"))
	if err != nil || !strings.Contains(text, "<script>alert(1)</script>") || !strings.Contains(text, `"><img src=x onerror=alert(1)>`) {
		t.Errorf("hostile text is not shown literally: %q %v", text, err)
	}
	do("hostile search", chromedp.Navigate(ts.URL+"/#/search?q=Soreide"), chromedp.WaitVisible(`a[href="#/doc/`+xssID+`"]`))
	do("hostile events", chromedp.Navigate(ts.URL+"/#/events?doc="+xssID), chromedp.Poll[chromedp.Void](`document.querySelectorAll('li.event, p.muted').length > 0`))
	if n := count("img"); n != 0 {
		t.Errorf("an img element was created (%d)", n)
	}
	if n := count("main script"); n != 0 {
		t.Errorf("a script element was created in the page (%d)", n)
	}
	shot("hostile.png", true)

	// Responsive: a phone-sized viewport still shows the dyad view.
	do("phone", chromedp.EmulateViewport(390, 844), chromedp.Navigate(ts.URL+"/#/dyad/RUS/USA?by=week"), chromedp.WaitVisible("#dyad-goldstein canvas"))
	shot("dyad-phone.png", true)

	mu.Lock()
	defer mu.Unlock()
	if len(dialogs) > 0 {
		t.Errorf("JavaScript dialogs opened: %q", dialogs)
	}
	for _, p := range problems {
		t.Errorf("browser console: %s", p)
	}
	t.Logf("screenshots in %s", shots)
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
