package event

import (
	"context"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/text"
)

// testActors is a tiny stand-in for the actor stage: names and demonyms of
// a few countries and organisations, each with its code, so that the coder
// can be tested without the actor package.
var testActors = []struct {
	names   []string
	code    string
	country string
	typ     string
}{
	{[]string{"Russia", "Russian", "Moscow", "Kremlin"}, "RUS", "RUS", "GPE"},
	{[]string{"United States", "US", "U.S.", "American", "Washington"}, "USA", "USA", "GPE"},
	{[]string{"China", "Chinese", "Beijing"}, "CHN", "CHN", "GPE"},
	{[]string{"Ukraine", "Ukrainian", "Kyiv", "Kiev"}, "UKR", "UKR", "GPE"},
	{[]string{"France", "French", "Paris"}, "FRA", "FRA", "GPE"},
	{[]string{"Germany", "German", "Berlin"}, "DEU", "DEU", "GPE"},
	{[]string{"Britain", "British", "London"}, "GBR", "GBR", "GPE"},
	{[]string{"Iran", "Iranian", "Tehran"}, "IRN", "IRN", "GPE"},
	{[]string{"Israel", "Israeli"}, "ISR", "ISR", "GPE"},
	{[]string{"Turkey", "Turkish", "Ankara"}, "TUR", "TUR", "GPE"},
	{[]string{"Japan", "Japanese", "Tokyo"}, "JPN", "JPN", "GPE"},
	{[]string{"India", "Indian", "New Delhi"}, "IND", "IND", "GPE"},
	{[]string{"Pakistan", "Pakistani", "Islamabad"}, "PAK", "PAK", "GPE"},
	{[]string{"Syria", "Syrian", "Damascus"}, "SYR", "SYR", "GPE"},
	{[]string{"Egypt", "Egyptian", "Cairo"}, "EGY", "EGY", "GPE"},
	{[]string{"Poland", "Polish", "Warsaw"}, "POL", "POL", "GPE"},
	{[]string{"Brazil", "Brazilian"}, "BRA", "BRA", "GPE"},
	{[]string{"Mexico", "Mexican"}, "MEX", "MEX", "GPE"},
	{[]string{"Nigeria", "Nigerian", "Abuja"}, "NGA", "NGA", "GPE"},
	{[]string{"Kenya", "Kenyan", "Nairobi"}, "KEN", "KEN", "GPE"},
	{[]string{"Serbia", "Serbian", "Belgrade"}, "SRB", "SRB", "GPE"},
	{[]string{"Kosovo"}, "XKX", "XKX", "GPE"},
	{[]string{"Armenia", "Armenian"}, "ARM", "ARM", "GPE"},
	{[]string{"Azerbaijan", "Azerbaijani", "Baku"}, "AZE", "AZE", "GPE"},
	{[]string{"Venezuela", "Venezuelan", "Caracas"}, "VEN", "VEN", "GPE"},
	{[]string{"Colombia", "Colombian", "Bogota"}, "COL", "COL", "GPE"},
	{[]string{"North Korea", "Pyongyang"}, "PRK", "PRK", "GPE"},
	{[]string{"South Korea", "Seoul"}, "KOR", "KOR", "GPE"},
	{[]string{"Saudi Arabia", "Saudi", "Riyadh"}, "SAU", "SAU", "GPE"},
	{[]string{"Qatar", "Qatari", "Doha"}, "QAT", "QAT", "GPE"},
	{[]string{"Ethiopia", "Ethiopian", "Addis Ababa"}, "ETH", "ETH", "GPE"},
	{[]string{"Sudan", "Sudanese", "Khartoum"}, "SDN", "SDN", "GPE"},
	{[]string{"Afghanistan", "Afghan", "Kabul"}, "AFG", "AFG", "GPE"},
	{[]string{"Iraq", "Iraqi", "Baghdad"}, "IRQ", "IRQ", "GPE"},
	{[]string{"Lebanon", "Lebanese", "Beirut"}, "LBN", "LBN", "GPE"},
	{[]string{"Greece", "Greek", "Athens"}, "GRC", "GRC", "GPE"},
	{[]string{"Canada", "Canadian", "Ottawa"}, "CAN", "CAN", "GPE"},
	{[]string{"Australia", "Australian", "Canberra"}, "AUS", "AUS", "GPE"},
	{[]string{"United Nations", "UN", "U.N."}, "IGOUNO", "", "ORG"},
	{[]string{"Lithuania", "Lithuanian", "Vilnius"}, "LTU", "LTU", "GPE"},
	{[]string{"Joe Biden", "Biden"}, "USAGOV", "USA", "PERSON"},
	{[]string{"Vladimir Putin", "Putin"}, "RUSGOV", "RUS", "PERSON"},
	{[]string{"NATO"}, "IGOWSTNAT", "", "ORG"},
	{[]string{"European Union", "EU"}, "IGOEEC", "", "ORG"},
	{[]string{"Red Cross"}, "NGOIRC", "", "ORG"},
}

// markActors adds an entity per known name found at token boundaries.
func markActors(a *doc.Analysis) {
	n := 0
	for _, ta := range testActors {
		var e *doc.Entity
		for _, name := range ta.names {
			for i := range a.Tokens {
				t := a.Tokens[i]
				if !strings.HasPrefix(a.Text[t.Span.Start():], name) {
					continue
				}
				end := t.Span.Start() + len(name)
				ok := false
				for j := i; j < len(a.Tokens) && a.Tokens[j].Span.Start() < end; j++ {
					if a.Tokens[j].Span.End() == end {
						ok = true
					}
				}
				if !ok {
					continue
				}
				if e == nil {
					n++
					a.Entities = append(a.Entities, doc.Entity{ID: "e" + itoa(n), Name: ta.names[0], Type: ta.typ, Country: doc.Str(ta.country), Code: doc.Str(ta.code)})
					e = &a.Entities[len(a.Entities)-1]
				}
				e.Mentions = append(e.Mentions, doc.Mention{Span: doc.S(t.Span.Start(), end), Text: name, Kind: "name"})
			}
		}
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

var testStage *Stage

func stage(t testing.TB) *Stage {
	t.Helper()
	if testStage == nil {
		s, err := New(Options{})
		if err != nil {
			t.Fatal(err)
		}
		testStage = s
	}
	return testStage
}

// analyse runs the text stage, the test actor marker and the coder.
func analyse(t testing.TB, txt string) *doc.Analysis {
	t.Helper()
	a := doc.New(doc.Document{Text: txt, Published: "2021-03-18"})
	a.Anchor = &doc.Anchor{Date: "2021-03-18", From: "published"}
	ts, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := ts.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	markActors(a)
	if err := stage(t).Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}
