package event

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
)

func find(evs []doc.Event, prefix string) *doc.Event {
	for i := range evs {
		if strings.HasPrefix(evs[i].CAMEO, prefix) {
			return &evs[i]
		}
	}
	return nil
}

func ctry(a *doc.Actor) string {
	if a == nil {
		return "-"
	}
	return doc.Val(a.Country) + doc.Val(map[bool]*string{true: a.Code, false: nil}[a.Country == nil])
}

func TestCoderStructure(t *testing.T) {
	cases := []struct {
		name, text, code, src, tgt, mod string
		n                               int // minimum number of events with the code (0: 1)
	}{
		{"subject-object", "Russia condemned Ukraine on Tuesday.", "111", "RUS", "UKR", "asserted", 0},
		{"passive by-agent", "The Iranian ambassador was summoned by Britain on Monday.", "114", "GBR", "IRN", "asserted", 0},
		{"compound source", "Russia and China condemned the United States.", "111", "CHN", "USA", "asserted", 2},
		{"reciprocal talks", "Talks between Russia and Ukraine opened in Istanbul.", "04", "RUS", "UKR", "asserted", 2},
		{"with-target", "France held talks with Germany on the budget.", "040", "FRA", "DEU", "asserted", 0},
		{"future", "Iran will sign an agreement with Iraq next week.", "057", "IRN", "IRQ", "future", 0},
		{"plans to", "Japan plans to send troops to Iraq.", "154", "JPN", "IRQ", "future", 0},
		{"negated", "Egypt did not meet Israel.", "04", "EGY", "ISR", "negated", 0},
		{"hypothetical", "China could impose sanctions on Japan.", "163", "CHN", "JPN", "hypothetical", 0},
		{"refused is reject", "Serbia refused to meet Kosovo.", "12", "SRB", "XKX", "asserted", 0},
		{"threaten governs", "Turkey threatened to impose sanctions on Germany.", "1312", "TUR", "DEU", "asserted", 0},
		{"possessive target", "Britain blamed Iran's government for the attack.", "112", "GBR", "IRN", "asserted", 0},
		{"nominal recall", "The recall of its ambassador from Poland was announced by Germany.", "161", "", "", "asserted", 0},
		{"nominal sanctions", "New sanctions against Iran took effect.", "163", "-", "IRN", "asserted", 0},
		{"call for particle", "Russia calls for establishing dialogue with the United States.", "02", "RUS", "USA", "asserted", 0},
		{"pull out of", "The United States pulled out of the agreement with Iran.", "16", "USA", "IRN", "asserted", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := analyse(t, c.text)
			if err := doc.CheckSpans(a); err != nil {
				t.Fatal(err)
			}
			n := 0
			var hit *doc.Event
			for i := range a.Events {
				e := &a.Events[i]
				if strings.HasPrefix(e.CAMEO, c.code) {
					n++
					if hit == nil && (c.src == "" || ctry(e.Source) == c.src) && (c.tgt == "" || ctry(e.Target) == c.tgt) {
						hit = e
					}
				}
			}
			if hit == nil {
				t.Fatalf("%q: no %s event %s->%s; got %s", c.text, c.code, c.src, c.tgt, dump(a.Events))
			}
			if hit.Modality != c.mod {
				t.Errorf("%q: modality %s, want %s", c.text, hit.Modality, c.mod)
			}
			if c.n > 0 && n < c.n {
				t.Errorf("%q: %d events with %s, want >= %d: %s", c.text, n, c.code, c.n, dump(a.Events))
			}
		})
	}
}

func dump(evs []doc.Event) string {
	var b []string
	for _, e := range evs {
		b = append(b, e.CAMEO+" "+ctry(e.Source)+"->"+ctry(e.Target)+" "+e.Modality+" ["+e.Rule+"]")
	}
	return strings.Join(b, "; ")
}

func TestGuards(t *testing.T) {
	cases := []struct{ name, text, notCode string }{
		{"sports result", "Russia beat the United States 3-1 in the hockey final.", "1"},
		{"war of words", "Russia and Ukraine are locked in a war of words over gas.", "19"},
		{"fight corruption", "Ukraine vowed to fight corruption in the courts.", "19"},
		{"meet demand", "Saudi Arabia will meet demand for oil.", "04"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := analyse(t, c.text)
			for _, e := range a.Events {
				if strings.HasPrefix(e.CAMEO, c.notCode) && (c.notCode != "1" || e.CAMEO[:2] >= "15") {
					t.Errorf("%q coded %s [%s]", c.text, e.CAMEO, e.Rule)
				}
			}
		})
	}
}

func TestDuplicateClauseKeepsSpecific(t *testing.T) {
	a := analyse(t, "Germany recalled its ambassador from Russia.")
	if len(a.Events) != 1 || a.Events[0].CAMEO != "161" {
		t.Fatalf("want one 161 event, got %s", dump(a.Events))
	}
	if e := a.Events[0]; ctry(e.Source) != "DEU" || ctry(e.Target) != "RUS" {
		t.Errorf("recall: %s", dump(a.Events))
	}
}

func TestHeadlineCodedOnce(t *testing.T) {
	a := analyse(t, "Russia condemns Ukraine\n\nRussia condemned Ukraine on Tuesday.")
	n := 0
	for _, e := range a.Events {
		if e.CAMEO == "111" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("headline and body: %d 111 events, want 1: %s", n, dump(a.Events))
	}
}

func TestQuoteSpeakerIsSource(t *testing.T) {
	txt := `"The crisis stems from Washington's policy," the Russian embassy wrote.`
	a := doc.New(doc.Document{Text: txt})
	a.Anchor = &doc.Anchor{Date: "2021-03-18", From: "published"}
	ts := analyse(t, txt) // tokens and actors
	a.Sentences, a.Tokens, a.Entities = ts.Sentences, ts.Tokens, ts.Entities
	// The quote stage's work, by hand: the quote and its speaker.
	end := strings.Index(txt, ",\"") + 2
	var rus string
	for _, e := range a.Entities {
		if doc.Val(e.Country) == "RUS" {
			rus = e.ID
		}
	}
	a.Quotes = []doc.Quote{{Span: doc.S(0, end), Text: txt[:end], Kind: "direct", Speaker: &doc.Speaker{Entity: &rus, Text: "the Russian embassy"}, Date: doc.Str("2021-03-17")}}
	if err := stage(t).Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	e := find(a.Events, "112")
	if e == nil {
		t.Fatalf("no accusation: %s", dump(a.Events))
	}
	if ctry(e.Source) != "RUS" || ctry(e.Target) != "USA" {
		t.Errorf("accusation %s", dump(a.Events))
	}
	if doc.Val(e.Date) != "2021-03-17" || e.DateSource != "speech" {
		t.Errorf("date %s (%s), want the quote's 2021-03-17 (speech)", doc.Val(e.Date), e.DateSource)
	}
}

func TestDatesAndHistorical(t *testing.T) {
	a := analyse(t, "Russia annexed Crimea from Ukraine in 2014.")
	a.Timexes = []doc.Timex{{Span: doc.S(strings.Index(a.Text, "2014"), strings.Index(a.Text, "2014")+4), Text: "2014", Type: "DATE", Value: "2014-03-18"}}
	if err := stage(t).Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	e := find(a.Events, "192")
	if e == nil {
		t.Fatalf("no 192: %s", dump(a.Events))
	}
	if !e.Historical || e.DateSource != "timex" {
		t.Errorf("historical=%v date_source=%s", e.Historical, e.DateSource)
	}
	b := analyse(t, "Russia condemned Ukraine.")
	if e := find(b.Events, "111"); e == nil || doc.Val(e.Date) != "2021-03-18" || e.DateSource != "published" || e.Historical {
		t.Errorf("anchor date: %s", dump(b.Events))
	}
}

func TestLocation(t *testing.T) {
	a := analyse(t, "Russia and Ukraine held talks in Paris on Monday.")
	e := find(a.Events, "04")
	if e == nil || e.Location == nil || e.Location.Name != "Paris" {
		t.Fatalf("location: %s %+v", dump(a.Events), e)
	}
}

func TestSpanInvariant(t *testing.T) {
	b, err := os.ReadFile("testdata/story.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := analyse(t, string(b))
	if len(a.Events) == 0 {
		t.Fatal("no events in the test story")
	}
	if err := doc.CheckSpans(a); err != nil {
		t.Fatal(err)
	}
	for i, e := range a.Events {
		if e.ID == "" || e.Sentence < 0 || e.Sentence >= len(a.Sentences) || !a.Sentences[e.Sentence].Span.Contains(e.Span) {
			t.Errorf("event %d: bad id/sentence/span %+v", i, e)
		}
		if e.Quad < 1 || e.Quad > 4 || e.Confidence <= 0 || e.Confidence > 1 || e.Rule == "" {
			t.Errorf("event %d: bad fields %+v", i, e)
		}
	}
}

func FuzzCoder(f *testing.F) {
	for _, s := range []string{"Russia condemned Ukraine.", "", "“", "Talks between and", "was summoned by", "refused to to to", "sanctions against $T", "\x00\xff", "Russia and and China met in in."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := analyse(t, s)
		if err := doc.CheckSpans(a); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkCoder(b *testing.B) {
	raw, err := os.ReadFile("testdata/story.txt")
	if err != nil {
		b.Fatal(err)
	}
	a := analyse(b, string(raw))
	st := stage(b)
	words := len(a.Tokens)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := st.Process(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

func TestCases(t *testing.T) {
	cases, err := ReadCaseDir("testdata/cases")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 300 {
		t.Errorf("%d cases, want >= 300", len(cases))
	}
	roots := map[string]bool{}
	fail := 0
	for _, c := range cases {
		if len(c.Code) >= 2 {
			roots[c.Code[:2]] = true
		}
		a := analyse(t, c.Sentence)
		if r := CheckCase(c, a.Events); !r.OK {
			fail++
			t.Errorf("%s: %q want %s %s->%s %s: %s; got %s", c.File, c.Sentence, c.Code, c.Source, c.Target, c.Modality, r.Reason, r.Got)
		}
	}
	if len(roots) < 20 {
		t.Errorf("cases cover %d roots, want 20", len(roots))
	}
	t.Logf("%d/%d cases pass", len(cases)-fail, len(cases))
}

func TestGovernedActs(t *testing.T) {
	cases := []struct {
		text, code, src, tgt string
		absent               string // a code prefix that must not be coded
	}{
		{"Russia accused Ukraine of attacking civilians.", "112", "RUS", "UKR", "18"},
		{"Iran refused to meet Iraq.", "125", "IRN", "IRQ", "04"},
		{"Germany demanded the release of the Russian activists.", "1053", "DEU", "", "084"},
		{"France called for sanctions against Iran.", "113", "FRA", "IRN", "163"},
		{"Japan is considering sending aid to Kenya.", "014", "JPN", "", "07"},
		{"Britain vowed to attack Syria.", "138", "GBR", "SYR", "19"},
		{"Qatar must mediate between Sudan and Ethiopia, Egypt said.", "108", "EGY", "QAT", "045"},
	}
	for _, c := range cases {
		a := analyse(t, c.text)
		var hit bool
		for _, e := range a.Events {
			if strings.HasPrefix(e.CAMEO, c.code) && (c.src == "" || ctry(e.Source) == c.src) && (c.tgt == "" || ctry(e.Target) == c.tgt) {
				hit = true
			}
			if strings.HasPrefix(e.CAMEO, c.absent) {
				t.Errorf("%q: governed act coded as a fact: %s", c.text, dump(a.Events))
			}
		}
		if !hit {
			t.Errorf("%q: want %s %s->%s, got %s", c.text, c.code, c.src, c.tgt, dump(a.Events))
		}
	}
}

func TestDenialAndReducedRelative(t *testing.T) {
	a := analyse(t, "Iran denied that it had supplied drones to Russia.")
	e := find(a.Events, "072")
	if e == nil || e.Modality != "negated" {
		t.Errorf("denied supply should be coded negated: %s", dump(a.Events))
	}
	a = analyse(t, "Israel and Egypt agreed to a truce brokered by Qatar.")
	e = find(a.Events, "045")
	if e == nil || ctry(e.Source) != "QAT" {
		t.Errorf("reduced relative: broker should be Qatar: %s", dump(a.Events))
	}
	for _, ev := range a.Events {
		if strings.HasPrefix(ev.CAMEO, "03") && ctry(ev.Target) == "QAT" {
			t.Errorf("the agreement's target must not come from the relative clause: %s", dump(a.Events))
		}
	}
	a = analyse(t, "Police in Kenya fired tear gas at protesters.")
	if e := find(a.Events, "175"); e == nil || e.Target == nil || e.Target.Text != "protesters" {
		t.Errorf("hostile 'at' object: %s", dump(a.Events))
	}
}

// TestDemoCorpusFixes covers rules found on the demo wire stories: a date
// inside a reported clause does not date the speech act; a recalled
// diplomat's state is the source and the host state the target; a trip
// home has no counterpart; "each other" makes the act reciprocal; a bare
// speech verb has no object.
func TestDemoCorpusFixes(t *testing.T) {
	t.Run("reported clause date", func(t *testing.T) {
		txt := "Russia noted that the new US administration had taken office two months ago."
		a := analyse(t, txt)
		i := strings.Index(txt, "two months ago")
		a.Timexes = []doc.Timex{{Span: doc.S(i, i+len("two months ago")), Text: "two months ago", Type: "DATE", Value: "2021-01"}}
		if err := stage(t).Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		e := find(a.Events, "010")
		if e == nil || doc.Val(e.Date) != "2021-03-18" || e.DateSource != "published" {
			t.Errorf("speech act dated by its complement: %s", dump(a.Events))
		}
	})
	tests := []struct {
		name, sentence, code, src, tgt string
	}{
		{"passive recall", "Russia's Ambassador to the United States has been recalled to Moscow for consultations.", "161", "RUS", "USA"},
		{"passive invitation for consultations", "The Russian ambassador to Washington has been invited to Moscow for consultations.", "161", "RUS", "USA"},
		{"trip home has no counterpart", "The Russian ambassador will fly to Moscow on Saturday.", "042", "RUS", "-"},
		{"each other", "Russian and Ukrainian officials accused each other of shelling.", "112", "UKR", "RUS"},
		{"said + clause", "Russia said the United States would comment later.", "010", "RUS", "-"},
		{"said + conjoined clause subjects", "China said Russia and the United States should talk.", "010", "CHN", "-"},
		{"pay a price", "Germany said Russia would pay a price for the attack.", "130", "DEU", "RUS"},
		{"pay for it", "\"Russia will pay for it,\" Germany said.", "130", "DEU", "RUS"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analyse(t, tc.sentence)
			for _, e := range a.Events {
				if strings.HasPrefix(e.CAMEO, tc.code) && actorMatches(tc.src, e.Source) && actorMatches(tc.tgt, e.Target) {
					return
				}
			}
			t.Errorf("want %s %s->%s, got %s", tc.code, tc.src, tc.tgt, dump(a.Events))
		})
	}
	for _, txt := range []string{
		"Washington has pushed relations into a blind alley.",
		"Consumers will pay a high price for the drought.",
	} {
		if a := analyse(t, txt); len(a.Events) != 0 {
			t.Errorf("%q: want no event, got %s", txt, dump(a.Events))
		}
	}
}
