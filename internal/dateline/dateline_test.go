package dateline

import (
	"context"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
)

// datelineCase is one story head and the dateline expected in it. The
// dateline text (span) is given as a string: the test locates it.
type datelineCase struct {
	text      string
	published string
	place     string
	region    string
	agency    string
	date      string // "" = null
	span      string // text the dateline span must cover
	body      string // what the body starts with
}

// datelineCases are wire-style story heads written for this test, across
// agencies and dateline styles.
var datelineCases = []datelineCase{
	// TASS
	{"WASHINGTON, March 18. /TASS/. Russia's ambassador will fly home.", "2021-03-18", "WASHINGTON", "", "TASS", "2021-03-18", "WASHINGTON, March 18. /TASS/.", "Russia's"},
	{"IGORA /Leningrad Region/, December 26. /TASS/. The leaders met at a ski resort.", "2021-12-26", "IGORA", "Leningrad Region", "TASS", "2021-12-26", "IGORA /Leningrad Region/, December 26. /TASS/.", "The leaders"},
	{"MOSCOW, February 24. /TASS/. The Kremlin said talks were possible.", "2022-02-24", "MOSCOW", "", "TASS", "2022-02-24", "MOSCOW, February 24. /TASS/.", "The Kremlin"},
	{"GENEVA, June 16. /TASS/. The two presidents shook hands.", "2021-06-16", "GENEVA", "", "TASS", "2021-06-16", "GENEVA, June 16. /TASS/.", "The two"},
	{"NUR-SULTAN, January 6. /ITAR-TASS/. Troops arrived.", "2022-01-06", "NUR-SULTAN", "", "TASS", "2022-01-06", "NUR-SULTAN, January 6. /ITAR-TASS/.", "Troops"},
	{"  \n  MINSK, Sept. 9. /TASS/. Two leaders agreed on integration.", "2021-09-09", "MINSK", "", "TASS", "2021-09-09", "MINSK, Sept. 9. /TASS/.", "Two leaders"},
	{"UNITED NATIONS, March 2. /TASS/. The General Assembly voted.", "2022-03-02", "UNITED NATIONS", "", "TASS", "2022-03-02", "UNITED NATIONS, March 2. /TASS/.", "The General"},
	// Reuters, modern and 1987
	{"MOSCOW (Reuters) - Russia expelled ten diplomats on Friday.", "2021-04-16", "MOSCOW", "", "Reuters", "", "MOSCOW (Reuters) -", "Russia expelled"},
	{"LONDON, Feb 26 (Reuters) - Britain imposed sanctions on five banks.", "2022-02-26", "LONDON", "", "Reuters", "2022-02-26", "LONDON, Feb 26 (Reuters) -", "Britain"},
	{"BRUSSELS, March 2 - European ministers met today.", "1987-03-02", "BRUSSELS", "", "", "1987-03-02", "BRUSSELS, March 2 -", "European"},
	{"NEW YORK, March 2 - Stocks fell sharply in early trading.", "1987-03-02", "NEW YORK", "", "", "1987-03-02", "NEW YORK, March 2 -", "Stocks"},
	{"PORTLAND, Ore., Feb 26 - The company said profits rose.", "1987-02-26", "PORTLAND", "Ore.", "", "1987-02-26", "PORTLAND, Ore., Feb 26 -", "The company"},
	{"ST. LOUIS, MO., March 11 - The bank said it agreed to merge.", "1987-03-11", "ST. LOUIS", "MO.", "", "1987-03-11", "ST. LOUIS, MO., March 11 -", "The bank"},
	{"WASHINGTON, March 12, Reuter - A judge dismissed the suit.", "1987-03-12", "WASHINGTON", "", "Reuters", "1987-03-12", "WASHINGTON, March 12, Reuter -", "A judge"},
	{"Toronto, Feb 26 - The trust company expects higher earnings.", "1987-02-26", "Toronto", "", "", "1987-02-26", "Toronto, Feb 26 -", "The trust"},
	{"des moines, april 7 - barrow and gilt prices were steady.", "1987-04-07", "des moines", "", "", "1987-04-07", "des moines, april 7 -", "barrow"},
	{"VANCOUVER, British Columbia, Feb 26 - The miner agreed to a deal.", "1987-02-26", "VANCOUVER", "British Columbia", "", "1987-02-26", "VANCOUVER, British Columbia, Feb 26 -", "The miner"},
	{"RIO DE JANEIRO, MARCH 11 - A strike by seamen ended.", "1987-03-11", "RIO DE JANEIRO", "", "", "1987-03-11", "RIO DE JANEIRO, MARCH 11 -", "A strike"},
	{"PORT-AU-PRINCE, Haiti, March 13 - The ministry announced a plan.", "1987-03-13", "PORT-AU-PRINCE", "Haiti", "", "1987-03-13", "PORT-AU-PRINCE, Haiti, March 13 -", "The ministry"},
	{"TOKYO - The Bank of Japan intervened in early trading.", "1987-04-07", "TOKYO", "", "", "", "TOKYO -", "The Bank"},
	{"KYIV, March 1 (Reuters) - Ukraine's president spoke by phone.", "2022-03-01", "KYIV", "", "Reuters", "2022-03-01", "KYIV, March 1 (Reuters) -", "Ukraine's"},
	// AP
	{"NAIROBI, Kenya (AP) _ Bombs exploded outside two embassies.", "1998-08-07", "NAIROBI", "Kenya", "AP", "", "NAIROBI, Kenya (AP) _", "Bombs"},
	{"DAR ES SALAAM, Tanzania (AP) _ The bomb shook homes a mile away.", "1998-08-09", "DAR ES SALAAM", "Tanzania", "AP", "", "DAR ES SALAAM, Tanzania (AP) _", "The bomb"},
	{"WASHINGTON (AP) — The Senate passed the bill.", "2021-08-10", "WASHINGTON", "", "AP", "", "WASHINGTON (AP) —", "The Senate"},
	{"HAVANA (AP) -- Cuba freed several prisoners.", "1999-01-05", "HAVANA", "", "AP", "", "HAVANA (AP) --", "Cuba"},
	{"MOSCOW (AP)_ Russia and the United States resumed talks.", "1998-09-01", "MOSCOW", "", "AP", "", "MOSCOW (AP)_", "Russia"},
	{"BUFFALO, N.Y. (AP) -- A doctor was shot in his kitchen.", "1998-10-24", "BUFFALO", "N.Y.", "AP", "", "BUFFALO, N.Y. (AP) --", "A doctor"},
	{"HAVANA (AP ) -- The pope arrived.", "1998-01-21", "HAVANA", "", "AP", "", "HAVANA (AP ) --", "The pope"},
	{"THE HAGUE, Netherlands (AP)_ The court opened its session.", "1998-08-20", "THE HAGUE", "Netherlands", "AP", "", "THE HAGUE, Netherlands (AP)_", "The court"},
	// AFP
	{"PARIS (AFP) - France recalled its ambassador.", "2021-09-17", "PARIS", "", "AFP", "", "PARIS (AFP) -", "France"},
	{"PARIS, March 3 (AFP) - The minister said Europe would respond.", "2022-03-03", "PARIS", "", "AFP", "2022-03-03", "PARIS, March 3 (AFP) -", "The minister"},
	{"BEIJING, Dec. 9 (AFP) - China protested the boycott.", "2021-12-09", "BEIJING", "", "AFP", "2021-12-09", "BEIJING, Dec. 9 (AFP) -", "China"},
	// Xinhua
	{"JOHANNESBURG, August 7 (Xinhua) -- South Africa condemned the attack.", "1998-08-07", "JOHANNESBURG", "", "Xinhua", "1998-08-07", "JOHANNESBURG, August 7 (Xinhua) --", "South Africa"},
	{"WASHINGTON, March 12 (Xinhua) -- U.S. officials said talks would go on.", "1999-03-12", "WASHINGTON", "", "Xinhua", "1999-03-12", "WASHINGTON, March 12 (Xinhua) --", "U.S."},
	{"BEIJING, Nov. 16 (Xinhua) -- Chinese President Xi Jinping held a virtual meeting.", "2021-11-16", "BEIJING", "", "Xinhua", "2021-11-16", "BEIJING, Nov. 16 (Xinhua) --", "Chinese"},
	// bare
	{"MIAMI _ Cuban exiles rallied on Saturday.", "1998-03-01", "MIAMI", "", "", "", "MIAMI _", "Cuban"},
	{"NEWARK, N.J. _ A jury convicted the former mayor.", "1998-05-01", "NEWARK", "N.J.", "", "", "NEWARK, N.J. _", "A jury"},
	{"NEW YORK _ Stocks rose.", "1998-05-01", "NEW YORK", "", "", "", "NEW YORK _", "Stocks"},
	// Interfax, RIA Novosti
	{"MOSCOW, Jan 10 (Interfax) - Russian and US delegations met in Geneva.", "2022-01-10", "MOSCOW", "", "Interfax", "2022-01-10", "MOSCOW, Jan 10 (Interfax) -", "Russian and"},
	{"KYIV, Feb 24 - RIA Novosti - Explosions were heard in the capital.", "2022-02-24", "KYIV", "", "RIA Novosti", "2022-02-24", "KYIV, Feb 24 - RIA Novosti -", "Explosions"},
	{"MOSCOW, February 24 - RIA Novosti. The president addressed the nation.", "2022-02-24", "MOSCOW", "", "RIA Novosti", "2022-02-24", "MOSCOW, February 24 - RIA Novosti.", "The president"},
	{"KYIV, Feb 25 (Interfax-Ukraine) - Ukraine closed its airspace.", "2022-02-25", "KYIV", "", "Interfax", "2022-02-25", "KYIV, Feb 25 (Interfax-Ukraine) -", "Ukraine closed"},
	// UPI, Asian and other agencies
	{"WASHINGTON (UPI) -- The Pentagon announced new aid.", "2022-03-16", "WASHINGTON", "", "UPI", "", "WASHINGTON (UPI) --", "The Pentagon"},
	{"TOKYO, March 5 (Kyodo) -- Japan froze the assets of Russian officials.", "2022-03-05", "TOKYO", "", "Kyodo", "2022-03-05", "TOKYO, March 5 (Kyodo) --", "Japan"},
	{"SEOUL, March 24 (Yonhap) -- North Korea fired a ballistic missile.", "2022-03-24", "SEOUL", "", "Yonhap", "2022-03-24", "SEOUL, March 24 (Yonhap) --", "North Korea"},
	{"ANKARA (AA) - Turkey offered to host talks.", "2022-03-01", "ANKARA", "", "Anadolu", "", "ANKARA (AA) -", "Turkey"},
	{"BERLIN (dpa) - Germany halted the pipeline certification.", "2022-02-22", "BERLIN", "", "DPA", "", "BERLIN (dpa) -", "Germany"},
	{"TEHRAN, April 6 (IRNA) -- Iran said the Vienna talks made progress.", "2021-04-06", "TEHRAN", "", "IRNA", "2021-04-06", "TEHRAN, April 6 (IRNA) --", "Iran"},
	{"KYIV, 24 February (Ukrinform) - The president declared martial law.", "2022-02-24", "KYIV", "", "Ukrinform", "2022-02-24", "KYIV, 24 February (Ukrinform) -", "The president"},
	{"NEW DELHI, March 5 (PTI) - India abstained in the vote.", "2022-03-05", "NEW DELHI", "", "PTI", "2022-03-05", "NEW DELHI, March 5 (PTI) -", "India"},
	{"New Delhi [India], March 5 (ANI): India evacuated its citizens.", "2022-03-05", "New Delhi", "India", "ANI", "2022-03-05", "New Delhi [India], March 5 (ANI):", "India evacuated"},
	{"KUALA LUMPUR, March 5 (Bernama) -- Malaysia urged restraint.", "2022-03-05", "KUALA LUMPUR", "", "Bernama", "2022-03-05", "KUALA LUMPUR, March 5 (Bernama) --", "Malaysia"},
	{"MADRID, 5 Mar (EFE).- Spain sent aid.", "2022-03-05", "MADRID", "", "EFE", "2022-03-05", "MADRID, 5 Mar (EFE).-", "Spain"},
	{"ROME, March 5 (ANSA) - Italy closed its embassy.", "2022-03-05", "ROME", "", "ANSA", "2022-03-05", "ROME, March 5 (ANSA) -", "Italy"},
	{"Havana, Mar 5 (Prensa Latina) Cuba called for dialogue.", "2022-03-05", "Havana", "", "Prensa Latina", "2022-03-05", "Havana, Mar 5 (Prensa Latina)", "Cuba"},
	{"VILNIUS, March 5 (BNS) - Lithuania expelled the ambassador.", "2022-03-05", "VILNIUS", "", "BNS", "2022-03-05", "VILNIUS, March 5 (BNS) -", "Lithuania"},
	// years written in the dateline, day-month order
	{"LONDON, 24 February 2022 - Britain announced sanctions.", "", "LONDON", "", "", "2022-02-24", "LONDON, 24 February 2022 -", "Britain"},
	{"WASHINGTON, March 18, 2021 (Reuters) - The State Department said.", "", "WASHINGTON", "", "Reuters", "2021-03-18", "WASHINGTON, March 18, 2021 (Reuters) -", "The State"},
	// title line above the dateline
	{"Antonov recalled for consultations\nWASHINGTON, March 18. /TASS/. The ambassador will fly home.", "2021-03-18", "WASHINGTON", "", "TASS", "2021-03-18", "WASHINGTON, March 18. /TASS/.", "The ambassador"},
	{"BAHIA COCOA REVIEW\n\nSALVADOR, Feb 26 - Showers continued.", "1987-02-26", "SALVADOR", "", "", "1987-02-26", "SALVADOR, Feb 26 -", "Showers"},
	// Dec/Jan boundary
	{"MOSCOW, December 31. /TASS/. The president gave his address.", "2022-01-01", "MOSCOW", "", "TASS", "2021-12-31", "MOSCOW, December 31. /TASS/.", "The president"},
	{"GENEVA, Jan 1 (Reuters) - The talks opened.", "2021-12-31", "GENEVA", "", "Reuters", "2022-01-01", "GENEVA, Jan 1 (Reuters) -", "The talks"},
	{"WASHINGTON, Oct 9 - The firm adopted a rights plan.", "1987-10-20", "WASHINGTON", "", "", "1987-10-09", "WASHINGTON, Oct 9 -", "The firm"},
	{"PARIS, Feb 29 (AFP) - The summit opened.", "2024-03-01", "PARIS", "", "AFP", "2024-02-29", "PARIS, Feb 29 (AFP) -", "The summit"},
	{"  MOSCOW, March 18. /TASS/. Text.", "2021-03-18T10:00:00+03:00", "MOSCOW", "", "TASS", "2021-03-18", "MOSCOW, March 18. /TASS/.", "Text."},
}

func TestDatelineTable(t *testing.T) {
	if len(datelineCases) < 50 {
		t.Fatalf("want at least 50 cases, have %d", len(datelineCases))
	}
	st, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range datelineCases {
		t.Run(c.span, func(t *testing.T) {
			a := doc.New(doc.Document{Text: c.text, Published: c.published})
			if err := st.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			if err := doc.CheckSpans(a); err != nil {
				t.Fatal(err)
			}
			d := a.Dateline
			if d == nil {
				t.Fatalf("no dateline found in %q", c.text)
			}
			if d.Place != c.place {
				t.Errorf("place = %q, want %q", d.Place, c.place)
			}
			if doc.Val(d.Region) != c.region {
				t.Errorf("region = %q, want %q", doc.Val(d.Region), c.region)
			}
			if doc.Val(d.Agency) != c.agency {
				t.Errorf("agency = %q, want %q", doc.Val(d.Agency), c.agency)
			}
			if doc.Val(d.Date) != c.date {
				t.Errorf("date = %q, want %q", doc.Val(d.Date), c.date)
			}
			wantStart := strings.Index(c.text, c.span)
			if got := d.Span.Of(a.Text); got != c.span || d.Span.Start() != wantStart {
				t.Errorf("span %v covers %q, want %q at %d", d.Span, got, c.span, wantStart)
			}
			if !strings.HasPrefix(a.Text[d.BodyStart:], c.body) {
				t.Errorf("body starts with %q, want %q", a.Text[d.BodyStart:], c.body)
			}
			if !strings.HasPrefix(d.Span.Of(a.Text), d.Place) {
				t.Errorf("span %q does not start with the place %q", d.Span.Of(a.Text), d.Place)
			}
		})
	}
}

// TestNotADateline lists story openings that must not be taken for a
// dateline: false positives are worse than misses.
func TestNotADateline(t *testing.T) {
	for _, text := range []string{
		"The president said on Monday - and repeated it later - that talks would go on.",
		"Russia said March 3 - the day after the vote - that it would respond.",
		"US, EU - talks stall over gas prices.",
		"NEW YORK-based lenders raised rates.",
		"In a statement, the ministry said it would respond.",
		"Washington and Moscow agreed to extend the treaty.",
		"NATO (the alliance) was founded in 1949.",
		"SYDNEY, April - the month of storms.",
		"",
		"   \n\t ",
		"March 18 - the day the ambassador left.",
		"Mr. Smith (Reuters) said nothing.",
		"Moscow (we are told) - is cold.",
		"Prices rose 5% - analysts said.",
		"BREAKING: Russia (RUS) invades.",
		"BREAKING NEWS - Russia recognises two regions.",
		"EXCLUSIVE - The minister resigned.",
		"UPDATE - Talks resume in Geneva.",
	} {
		m, ok := Find(text)
		if ok {
			t.Errorf("%q: took %q for a dateline", text, m.Span.Of(text))
		}
	}
}

// TestAnchor checks where the document's reference date comes from.
func TestAnchor(t *testing.T) {
	cases := []struct {
		name      string
		text      string
		published string
		year      int
		anchor    *doc.Anchor
		date      string
		warn      bool
	}{
		{"published wins", "WASHINGTON, March 18. /TASS/. X.", "2021-03-19", 0, &doc.Anchor{Date: "2021-03-19", From: "published"}, "2021-03-18", false},
		{"dateline with default year", "WASHINGTON, March 18. /TASS/. X.", "", 2021, &doc.Anchor{Date: "2021-03-18", From: "dateline"}, "2021-03-18", false},
		{"dateline with written year", "LONDON, 24 February 2022 - X.", "", 0, &doc.Anchor{Date: "2022-02-24", From: "dateline"}, "2022-02-24", false},
		{"no year anywhere", "WASHINGTON, March 18. /TASS/. X.", "", 0, nil, "", true},
		{"no dateline, published", "The ministry said.", "2021-03-18", 0, &doc.Anchor{Date: "2021-03-18", From: "published"}, "", false},
		{"no dateline, no published", "The ministry said.", "", 2021, nil, "", false},
		{"dateline without date", "MOSCOW (Reuters) - X.", "", 2021, nil, "", false},
		{"impossible day", "PARIS, Feb 30 (AFP) - X.", "2021-03-01", 0, &doc.Anchor{Date: "2021-03-01", From: "published"}, "", true},
		{"Feb 29 in a non-leap default year", "PARIS, Feb 29 (AFP) - X.", "", 2021, nil, "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, err := New(Options{DefaultYear: c.year})
			if err != nil {
				t.Fatal(err)
			}
			a := doc.New(doc.Document{Text: c.text, Published: c.published})
			if err := st.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			if err := doc.CheckSpans(a); err != nil {
				t.Fatal(err)
			}
			switch {
			case c.anchor == nil && a.Anchor != nil:
				t.Errorf("anchor = %+v, want nil", *a.Anchor)
			case c.anchor != nil && (a.Anchor == nil || *a.Anchor != *c.anchor):
				t.Errorf("anchor = %+v, want %+v", a.Anchor, *c.anchor)
			}
			got := ""
			if a.Dateline != nil {
				got = doc.Val(a.Dateline.Date)
			}
			if got != c.date {
				t.Errorf("dateline date = %q, want %q", got, c.date)
			}
			if (len(a.Warnings) > 0) != c.warn {
				t.Errorf("warnings = %q, want warning: %v", a.Warnings, c.warn)
			}
		})
	}
}

func TestNewRejectsBadYear(t *testing.T) {
	if _, err := New(Options{DefaultYear: -1}); err == nil {
		t.Error("New accepted a negative default year")
	}
}

func TestMonthNumber(t *testing.T) {
	for in, want := range map[string]int{
		"Jan": 1, "January": 1, "Feb.": 2, "SEPT.": 9, "Sept": 9, "sep": 9, "June": 6, "Jun": 6,
		"july": 7, "Dec": 12, "Marc": 0, "Ma": 0, "": 0, "Mayday": 0, "Octob": 0,
	} {
		if got := monthNumber(in); got != want {
			t.Errorf("monthNumber(%q) = %d, want %d", in, got, want)
		}
	}
}

func FuzzDateline(f *testing.F) {
	for _, c := range datelineCases {
		f.Add(c.text, c.published)
	}
	f.Add("\xff\xfeMOSCOW, March 18. /TASS/. x", "2021-13-45")
	f.Add(strings.Repeat("A ", 200)+"(AP) _ x", "")
	f.Add("IGORA /Leningrad Region/, December 26. /TASS/.", "2021")
	st, err := New(Options{DefaultYear: 2020})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, published string) {
		a := doc.New(doc.Document{Text: text, Published: published})
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if err := doc.CheckSpans(a); err != nil {
			t.Fatal(err)
		}
		if d := a.Dateline; d != nil {
			if d.BodyStart < d.Span.End() || d.BodyStart > len(text) {
				t.Fatalf("body start %d outside [%d, %d]", d.BodyStart, d.Span.End(), len(text))
			}
			if !strings.HasPrefix(d.Span.Of(text), d.Place) || d.Place == "" {
				t.Fatalf("span %q does not start with place %q", d.Span.Of(text), d.Place)
			}
		}
	})
}

var benchText = strings.Repeat("Antonov will fly to Moscow for consultations, the embassy said. ", 40)

func BenchmarkProcess(b *testing.B) {
	st, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	heads := []string{
		"WASHINGTON, March 18. /TASS/. ",
		"NAIROBI, Kenya (AP) _ ",
		"PORTLAND, Ore., Feb 26 - ",
		"The embassy said on Wednesday that ",
	}
	texts := make([]string, len(heads))
	size := 0
	for i, h := range heads {
		texts[i] = h + benchText
		size += len(texts[i])
	}
	b.SetBytes(int64(size / len(texts)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := doc.New(doc.Document{Text: texts[i%len(texts)], Published: "2021-03-18"})
		if err := st.Process(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
}
