package eval

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/actor"
	"github.com/attache-project/attache/internal/doc"
)

// A hand-written story and its brat annotation: the offsets count code
// points, so the curly quotes (3 bytes each) shift the byte offsets.
const bratText = "“We will not back down,” the minister said.\nThe talks failed, officials said."

const bratAnn = "T1\tContent 0 24\t“We will not back down,”\n" +
	"T2\tSource 25 37\tthe minister\n" +
	"T3\tCue 38 42\tsaid\n" +
	"E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n" +
	"T4\tAttribution 38 42\tsaid\n" +
	"T5\tContent 44 60;60 61\tThe talks failed\n,\n" +
	"T6\tCue 72 76\tsaid\n" +
	"E2\tAttribution-no-source:T7 Content:T5 Cue:T6\n" +
	"T7\tAttribution-no-source 72 76\tsaid\n" +
	"T8\tDiscuss 0 10\tignored\n"

func TestParseBratAttributions(t *testing.T) {
	ats, err := ParseBratAttributions(strings.NewReader(bratAnn), bratText)
	if err != nil {
		t.Fatal(err)
	}
	if len(ats) != 2 {
		t.Fatalf("got %d attributions, want 2", len(ats))
	}
	cases := []struct {
		name string
		sp   []doc.Span
		want []string
	}{
		{"direct content", ats[0].Content, []string{"“We will not back down,”"}},
		{"source after multi-byte marks", ats[0].Source, []string{"the minister"}},
		{"cue", ats[0].Cue, []string{"said"}},
		{"discontinuous content", ats[1].Content, []string{"The talks failed", ","}},
		{"no source", ats[1].Source, nil},
	}
	for _, c := range cases {
		var got []string
		for _, s := range c.sp {
			got = append(got, s.Of(bratText))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
	if !ats[0].Direct(bratText) || ats[1].Direct(bratText) {
		t.Error("direct/indirect classification of gold is wrong")
	}
}

func TestParseBratErrors(t *testing.T) {
	for _, ann := range []string{
		"T1\tContent 0 999\tx\n",
		"T1\tContent a b\tx\n",
		"T1\tContent\tx\n",
	} {
		if _, err := ParseBratAttributions(strings.NewReader(ann), bratText); err == nil {
			t.Errorf("%q: bad offsets accepted", ann)
		}
	}
}

func TestBratOverlap(t *testing.T) {
	cases := []struct {
		p, g []doc.Span
		want float64
	}{
		{[]doc.Span{doc.S(0, 10)}, []doc.Span{doc.S(0, 10)}, 1},
		{[]doc.Span{doc.S(0, 10)}, []doc.Span{doc.S(5, 15)}, 0.5},
		{[]doc.Span{doc.S(0, 40)}, []doc.Span{doc.S(0, 10)}, 0.25},
		{[]doc.Span{doc.S(0, 10)}, []doc.Span{doc.S(20, 30)}, 0},
		{[]doc.Span{doc.S(0, 10), doc.S(20, 30)}, []doc.Span{doc.S(0, 30)}, 20.0 / 30},
		{nil, nil, 0},
	}
	for _, c := range cases {
		if got := bratOverlap(c.p, c.g); got < c.want-1e-9 || got > c.want+1e-9 {
			t.Errorf("overlap(%v, %v) = %v, want %v", c.p, c.g, got, c.want)
		}
	}
}

func TestScoreQuotes(t *testing.T) {
	ats, err := ParseBratAttributions(strings.NewReader(bratAnn), bratText)
	if err != nil {
		t.Fatal(err)
	}
	a := doc.New(doc.Document{Text: bratText})
	span := func(s string) doc.Span {
		i := strings.Index(bratText, s)
		return doc.S(i, i+len(s))
	}
	sp := span("the minister")
	a.Quotes = []doc.Quote{
		{Span: span("We will not back down"), Text: "We will not back down", Kind: "direct",
			Speaker: &doc.Speaker{Span: &sp, Text: "the minister"}, Cue: &doc.Cue{Span: span("said"), Text: "said", Lemma: "say"}},
		{Span: span("officials"), Text: "officials", Kind: "indirect"},
	}
	var s BratScore
	ScoreQuotes(&s, a, ats)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"all precision", s.All.Loose.P(), 0.5},
		{"all recall", s.All.Loose.R(), 0.5},
		{"direct F1", s.Direct.Loose.F1(), 1},
		{"indirect recall", s.Indirect.Loose.R(), 0},
		{"cue accuracy", s.All.CueAccuracy(), 1},
		{"speaker accuracy", s.All.SpeakerAccuracy(), 1},
		{"strict direct recall", s.Direct.Strict.R(), 0},
	}
	for _, c := range checks {
		if c.got < c.want-1e-9 || c.got > c.want+1e-9 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestReadBratLayouts(t *testing.T) {
	// PolNeAR layout, with two annotators of one text: the first is used.
	dir := t.TempDir()
	for _, d := range []string{"text", "attributions"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "text", "story.txt"), bratText)
	write(filepath.Join(dir, "attributions", "story_0a1b.ann"), bratAnn)
	write(filepath.Join(dir, "attributions", "story_ffff.ann"), "")
	docs, err := ReadBrat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Name != "story" || len(docs[0].Attributions) != 2 {
		t.Fatalf("PolNeAR layout: got %+v", docs)
	}
	// Plain layout.
	flat := t.TempDir()
	write(filepath.Join(flat, "a.txt"), bratText)
	write(filepath.Join(flat, "a.ann"), bratAnn)
	docs, err = ReadBrat(flat)
	if err != nil || len(docs) != 1 || len(docs[0].Attributions) != 2 {
		t.Fatalf("plain layout: %v %+v", err, docs)
	}
	if _, err := ReadBrat(t.TempDir()); err == nil {
		t.Error("empty directory accepted")
	}
}

// TestPolNeARGate is the CI gate of the quote stage on the PolNeAR dev set
// (tuned on train only). It skips when ../shared is absent. The floors sit
// slightly under the measured figures (see docs/quotes.md).
func TestPolNeARGate(t *testing.T) {
	dir := "../../../shared/data/polnear/dev"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("PolNeAR not available:", err)
	}
	ac, err := actor.New(actor.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := RunBrat(context.Background(), dir, BratOptions{Actor: ac})
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	WriteBratScore(&sb, s)
	t.Log("\n" + sb.String())
	floors := []struct {
		name      string
		got, want float64
	}{
		{"all content F1@0.3", s.All.Loose.F1(), 0.69},
		{"all content recall@0.3", s.All.Loose.R(), 0.59},
		{"all content precision@0.3", s.All.Loose.P(), 0.83},
		{"indirect content F1@0.3", s.Indirect.Loose.F1(), 0.64},
		{"statements content F1@0.3", s.Speech.Loose.F1(), 0.79},
		{"direct content F1@0.3", s.Direct.Loose.F1(), 0.88},
		{"all content F1@0.8", s.All.Strict.F1(), 0.53},
		{"speaker accuracy", s.All.SpeakerAccuracy(), 0.89},
		{"statements speaker accuracy", s.Speech.SpeakerAccuracy(), 0.91},
	}
	for _, f := range floors {
		if f.got < f.want {
			t.Errorf("%s = %.3f, below the floor %.2f", f.name, f.got, f.want)
		}
	}
}

func TestWriteBratMisses(t *testing.T) {
	ats, err := ParseBratAttributions(strings.NewReader(bratAnn), bratText)
	if err != nil {
		t.Fatal(err)
	}
	span := func(s string) doc.Span {
		i := strings.Index(bratText, s)
		return doc.S(i, i+len(s))
	}
	sp := span("officials")
	cases := []struct {
		name   string
		quotes []doc.Quote
		want   []string // line prefixes up to the content, in order
	}{
		{"nothing predicted", nil, []string{
			"MISS\tdoc\tsaid\tthe minister\t“We will not back down,”",
			"MISS\tdoc\tsaid\t\tThe talks failed | ,\t0.00",
		}},
		{"loose match, wrong speaker, false prediction", []doc.Quote{
			{Span: span("We will not back"), Kind: "direct", Speaker: &doc.Speaker{Span: &sp, Text: "officials"}},
			{Span: span("officials said"), Kind: "indirect"},
		}, []string{
			"LOOSE\tdoc\tsaid\tWe will not back\t“We will not back down,”",
			"SPEAKER\tdoc\tsaid\tofficials\tthe minister",
			"FALSE\tdoc\t\t\tofficials said",
			"MISS\tdoc\tsaid\t\tThe talks failed | ,\t0.00",
		}},
	}
	for _, c := range cases {
		a := doc.New(doc.Document{Text: bratText})
		a.Quotes = c.quotes
		var sb strings.Builder
		WriteBratMisses(&sb, "doc", a, ats)
		lines := strings.Split(strings.TrimSuffix(sb.String(), "\n"), "\n")
		if len(lines) != len(c.want) {
			t.Fatalf("%s: got %d lines %q, want %d", c.name, len(lines), lines, len(c.want))
		}
		for i, w := range c.want {
			if !strings.HasPrefix(lines[i], w) {
				t.Errorf("%s: line %d = %q, want prefix %q", c.name, i, lines[i], w)
			}
		}
	}
}
