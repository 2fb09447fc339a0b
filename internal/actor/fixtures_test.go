package actor

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/attache-project/attache/internal/doc"
)

// want is one expectation about an entity of a fixture.
type want struct {
	name     string   // entity name (case-insensitive); "" = any entity holding mention
	typ      string   // PERSON ORG GPE LOC NORP ("" = any)
	country  string   // "" = not checked; "-" = must be null
	sectors  []string // must be included
	role     string
	mention  string // a mention text the entity must have
	kind     string // the mention's kind, when mention is set
	sameAs   string // another mention text that must be in the same entity
	code     string
	notFound bool // no entity with this name (or holding this mention) may exist
}

var (
	testStage     *Stage
	testStageErr  error
	testStageOnce sync.Once
)

// stage returns the stage over the built-in dictionaries (plus a
// development directory when ACTOR_DEV_DICT is set).
func stage(t testing.TB) *Stage {
	testStageOnce.Do(func() { testStage, testStageErr = New(Options{DictDir: os.Getenv("ACTOR_DEV_DICT")}) })
	if testStageErr != nil {
		t.Fatal(testStageErr)
	}
	return testStage
}

// fixtures are wire-style sentences written for these tests.
var fixtures = []struct {
	name  string
	text  string
	wants []want
}{
	// Countries, abbreviations, demonyms, adjectives.
	{"country name", "Russia rejected the proposal on Tuesday.", []want{{name: "Russia", typ: "GPE", country: "RUS", mention: "Russia", kind: "name"}}},
	{"the United States", "Talks with the United States stalled.", []want{{name: "United States", typ: "GPE", country: "USA", mention: "the United States", kind: "name"}}},
	{"U.S. abbreviation", "The U.S. and Britain agreed to share data.", []want{{name: "United States", country: "USA", mention: "U.S.", kind: "alias"}, {name: "United Kingdom", country: "GBR", mention: "Britain"}}},
	{"UK and UAE", "The UK and the UAE signed a trade pact in London.", []want{{country: "GBR", mention: "UK"}, {country: "ARE", mention: "UAE"}}},
	{"DPRK", "The DPRK fired two missiles, the ROK military said.", []want{{country: "PRK", mention: "DPRK"}}},
	{"lower-case us is not the US", "Let us hope the talks go well, the minister told us.", []want{{country: "USA", notFound: true, mention: "us"}}},
	{"a capital over a namesake city", "Officials in London said the talks would go on.", []want{{name: "London", country: "GBR", mention: "London"}}},
	{"former name Burma", "Burma's generals ignored the appeal.", []want{{country: "MMR", mention: "Burma"}}},
	{"Ivory Coast", "Ivory Coast and Ghana produce most of the world's cocoa.", []want{{country: "CIV", mention: "Ivory Coast"}, {country: "GHA", mention: "Ghana"}}},
	{"demonym is NORP", "Russians queued outside banks as the rouble fell.", []want{{typ: "NORP", country: "RUS", mention: "Russians"}}},
	{"adjective mention", "The Chinese economy grew faster than expected.", []want{{name: "China", country: "CHN", mention: "Chinese", kind: "adjective"}}},
	{"national troops", "Chinese troops took part in the drills.", []want{{typ: "ORG", country: "CHN", sectors: []string{"MIL"}, mention: "Chinese troops"}}},
	{"hyphenated compound", "Russian-US ties are in a crisis.", []want{{country: "RUS", mention: "Russian", kind: "adjective"}, {country: "USA", mention: "US", kind: "adjective"}}},
	// Metonyms and locations.
	{"capital speaks", "Moscow said the sanctions were illegal.", []want{{name: "Russia", typ: "GPE", country: "RUS", mention: "Moscow", kind: "metonym"}}},
	{"capital acts", "As a matter of fact, Washington has been deliberately driving cooperation to a dead end.", []want{{name: "United States", country: "USA", mention: "Washington", kind: "metonym"}}},
	{"capital possesses", "The crisis stems from Washington's policy.", []want{{name: "United States", country: "USA", mention: "Washington", kind: "metonym"}}},
	{"capital as location", "The ambassador will fly to Moscow on Saturday.", []want{{name: "Moscow", typ: "GPE", country: "RUS", mention: "Moscow", kind: "name"}}},
	{"location after in", "Protesters gathered in Kyiv on Sunday.", []want{{name: "Kyiv", country: "UKR", mention: "Kyiv"}}},
	{"the Kremlin", "The Kremlin said it had no plans for a summit.", []want{{name: "Russia", country: "RUS", mention: "The Kremlin", kind: "metonym"}}},
	{"the Pentagon is the military", "The Pentagon confirmed the strike.", []want{{typ: "ORG", country: "USA", sectors: []string{"MIL"}, mention: "The Pentagon", kind: "metonym"}}},
	{"gazetteer place", "Fighting flared near Donetsk overnight.", []want{{name: "Donetsk", typ: "LOC", country: "UKR", mention: "Donetsk"}}},
	{"ambiguous country as first name", "Chad Johnson said the vote was fair.", []want{{country: "TCD", notFound: true, mention: "Chad"}}},
	// Organisations.
	{"IGO", "NATO said it would send more troops to the Baltics.", []want{{name: "North Atlantic Treaty Organization", typ: "ORG", sectors: []string{"IGO"}, mention: "NATO"}}},
	{"UN Security Council", "Both are permanent members of the United Nations Security Council.", []want{{name: "United Nations Security Council", typ: "ORG", sectors: []string{"IGO"}, mention: "the United Nations Security Council"}}},
	{"ambiguous alias after full name", "The UN Security Council met on Friday. The Security Council will vote next week.", []want{{name: "United Nations Security Council", mention: "The UN Security Council", sameAs: "The Security Council"}}},
	{"media platform", "The embassy wrote on its Facebook account.", []want{{name: "Facebook", typ: "ORG", mention: "Facebook"}}},
	{"organisation from head noun", "The Kazakh Oil Ministry said output rose.", []want{{typ: "ORG", mention: "The Kazakh Oil Ministry"}}},
	// National institutions.
	{"adjective + institution", "The Russian Foreign Ministry summoned the envoy.", []want{{name: "Russian Foreign Ministry", typ: "ORG", country: "RUS", sectors: []string{"GOV"}, mention: "The Russian Foreign Ministry"}}},
	{"embassy in a country", "The Russian embassy in the United States said the talks were useful.", []want{{name: "Russian embassy in the United States", typ: "ORG", country: "RUS", sectors: []string{"GOV"}}, {name: "United States", mention: "the United States"}}},
	{"definite description", "The Russian embassy issued a statement. The embassy said the claims were false.", []want{{name: "Russian embassy", mention: "The embassy", kind: "nominal", sameAs: "The Russian embassy"}}},
	{"the Russian side", "The Russian side is convinced that dialogue is possible.", []want{{name: "Russia", country: "RUS", mention: "The Russian side", kind: "nominal"}}},
	// People.
	{"role + institution + name", "Russian Foreign Ministry Spokeswoman Maria Zakharova said the talks were over.", []want{{name: "Maria Zakharova", typ: "PERSON", country: "RUS", sectors: []string{"GOV"}, role: "spokesperson"}, {name: "Russian Foreign Ministry", typ: "ORG"}}},
	{"ambassador to", "Russian Ambassador to the United States Anatoly Antonov will fly to Moscow.", []want{{name: "Anatoly Antonov", typ: "PERSON", country: "RUS", sectors: []string{"GOV"}, role: "ambassador"}, {name: "United States", mention: "the United States"}}},
	{"appositive", "Maria Zakharova, the foreign ministry spokeswoman, said the claims were absurd.", []want{{name: "Maria Zakharova", typ: "PERSON", role: "spokesperson", sectors: []string{"GOV"}}}},
	{"president", "US President Joe Biden signed the order.", []want{{name: "Joe Biden", typ: "PERSON", country: "USA", sectors: []string{"GOV"}, role: "president"}}},
	{"country possessive + role", "Turkey's foreign minister Mevlut Cavusoglu arrived in Baku.", []want{{name: "Mevlut Cavusoglu", typ: "PERSON", country: "TUR"}}},
	{"honorific", "Mr. Petrakis declined to comment.", []want{{name: "Petrakis", typ: "PERSON", mention: "Petrakis"}}},
	{"first name", "Peter Blackburn said the plan would cost jobs.", []want{{name: "Peter Blackburn", typ: "PERSON"}}},
	{"initial and surname", "P. Simmons took four wickets for 38 runs.", []want{{name: "P. Simmons", typ: "PERSON"}}},
	{"unnamed political actor", "A Ukrainian lawmaker said the bill would pass.", []want{{typ: "PERSON", country: "UKR", mention: "Ukrainian lawmaker"}}},
	// Coreference.
	{"surname", "Russian Ambassador Anatoly Antonov met officials. Antonov said the talks were frank.", []want{{name: "Anatoly Antonov", mention: "Antonov", kind: "alias", sameAs: "Anatoly Antonov"}}},
	{"title + surname", "Anatoly Antonov, the Russian ambassador, left. Ambassador Antonov had been summoned to Moscow.", []want{{name: "Anatoly Antonov", role: "ambassador", mention: "Antonov", kind: "alias"}}},
	{"he", "Russian Ambassador Anatoly Antonov arrived on Monday. He will hold meetings at the ministry.", []want{{name: "Anatoly Antonov", mention: "He", kind: "pronoun"}}},
	{"she", "Russian Foreign Ministry Spokeswoman Maria Zakharova spoke on Friday. She said the move was hostile.", []want{{name: "Maria Zakharova", mention: "She", kind: "pronoun"}}},
	{"it after a quote", `The Russian side is convinced that "good ties between Russia and the United States are in our interests," it noted.`, []want{{name: "Russia", mention: "it", kind: "pronoun", sameAs: "The Russian side"}}},
	{"the ambassador", "Russian Ambassador Anatoly Antonov was summoned. The ambassador said he would leave.", []want{{name: "Anatoly Antonov", mention: "The ambassador", kind: "nominal"}}},
	{"bare institution takes the story's country", "Kenya said on Monday it would hold talks. The government denied the report.", []want{{typ: "ORG", country: "KEN", sectors: []string{"GOV"}, mention: "The government", kind: "nominal"}}},
	{"known actor with a month for a surname", "Prime Minister Theresa May said Britain would leave.", []want{{name: "Theresa May", typ: "PERSON", country: "GBR", role: "prime minister"}}},
	{"known actor from surname", "Erdogan said Turkey would not back down.", []want{{name: "Recep Tayyip Erdogan", typ: "PERSON", country: "TUR", mention: "Erdogan"}}},
	// Teams in sports tables (teams.go).
	{"club and its city before a score", "Results of first division soccer matches on Saturday:\nZlatna Dolina 2 Rudnik Varos 1\nTorpedo Moscow 0 Borik Sava 3\nAttendance 4,000.",
		[]want{{typ: "ORG", mention: "Zlatna Dolina"}, {typ: "ORG", mention: "Torpedo Moscow"}, {name: "Moscow", notFound: true}}},
	{"ranked players are people, not teams", "Motorcycling world championship standings after nine rounds of the season:\n1. Morello 162 points\n2. Vasquez 112 points",
		[]want{{typ: "PERSON", mention: "Morello"}, {typ: "PERSON", mention: "Vasquez"}}},
	{"national side stays a place", "World Cup qualifying soccer match results on Saturday:\nPoland 2 Moldova 1\nAttendance 12,000.",
		[]want{{typ: "GPE", mention: "Poland"}}},
	{"a team once, a team throughout", "French first division soccer results on Saturday:\nBordeaux 2 Nantes 1\nBordeaux , who lead the league table , host Metz on Wednesday.",
		[]want{{typ: "ORG", mention: "Bordeaux"}}},
	{"county side with a plural verb", "English county cricket championship: Essex are set to step up their title challenge after taking five wickets.",
		[]want{{typ: "ORG", mention: "Essex"}}},
	// Organisations named without a country or by an ambiguous alias.
	{"the Senate before any country", "The Senate voted 52-48 on Tuesday to confirm the nominee.", []want{{typ: "ORG", mention: "The Senate", kind: "name"}}},
	{"capitalised institution is a name", "Germany protested on Monday. The Foreign Ministry said the envoy would be summoned.",
		[]want{{typ: "ORG", country: "DEU", mention: "The Foreign Ministry", kind: "name"}}},
	{"head inside a longer name", "He studies at the Hebrew University in Jerusalem.", []want{{typ: "ORG", mention: "University", notFound: true}}},
	{"possessive company name", "A court ordered Lloyd's to give investors more information.", []want{{typ: "ORG", mention: "Lloyd's"}}},
	// Unknown companies from business contexts (company.go).
	{"company that speaks", "Zorvex said on Monday it would cut 300 jobs. Zorvex also said sales fell.", []want{{typ: "ORG", mention: "Zorvex", sectors: []string{"BUS"}}}},
	{"company context beats a place guess", "Investors bought a stake in Qualtrix on Friday. Shares of Qualtrix rose 5 percent.",
		[]want{{typ: "ORG", mention: "Qualtrix"}}},
	{"company apposition", "The contract went to Brelmont , a Texas-based maker of drilling equipment .", []want{{typ: "ORG", mention: "Brelmont"}}},
	{"name defined by its acronym", "Exports fell, the National Customs Board ( NCB ) said on Thursday.",
		[]want{{typ: "ORG", mention: "the National Customs Board", sameAs: "NCB"}}},
	{"ambiguous acronym in running text", "Traders said the IOC tender for diesel had a bearish impact on prices.", []want{{typ: "ORG", mention: "the IOC"}}},
	{"ambiguous acronym defined", "The conservative Popular Party ( PP ) came to power in May.", []want{{typ: "ORG", mention: "Popular Party", sameAs: "PP"}}},
	{"split period of Corp.", "Phone companies Zelltel Corp. and Brightline Inc joined the venture.", []want{{typ: "ORG", mention: "Zelltel Corp."}}},
	{"company says it", "Alvareno Medical said on Monday it would close two plants.", []want{{typ: "ORG", mention: "Alvareno Medical"}}},
	{"name modifying a noun is no place", "About 50 people died in Maoist insurgent activity in Nepal.", []want{{mention: "Maoist", notFound: true}}},
	{"place modifying a place noun", "Militants were shot dead in Nahar village south of Algiers.", []want{{typ: "LOC", mention: "Nahar"}}},
	{"hyphenated modifier is no name", "Refugees tried to return to Serb-held Doboj on Sunday.", []want{{typ: "PERSON", mention: "Doboj", notFound: true}}},
	{"company suffix AG", "Drugs maker Schering AG said profit rose.", []want{{typ: "ORG", mention: "Schering AG"}}},
	{"goal scorers are players", "Dutch first division soccer results on Saturday:\nVolendam 2 ( Brakkema 15th , Oudshoorn 70th ) Zwartewater 1 ( Tieleman 33rd ) . Attendance 6,000.",
		[]want{{typ: "PERSON", mention: "Brakkema"}, {typ: "PERSON", mention: "Oudshoorn"}}},
	{"player with his country is no team", "Results of the women's tennis tournament on Tuesday:\nKarla Mendez ( Chile ) beat Dorota Wilk ( Poland ) 6-4 6-2",
		[]want{{typ: "PERSON", mention: "Karla Mendez"}, {typ: "PERSON", mention: "Dorota Wilk"}}},
	{"club in a European cup with its country", "UEFA Cup soccer results on Thursday:\nZlatna Dolina ( Bulgaria ) 2 Rudnik Varos ( Croatia ) 1 . Attendance 5,000.",
		[]want{{typ: "ORG", mention: "Zlatna Dolina"}, {typ: "GPE", mention: "Bulgaria"}}},
	{"player and his club", "Soccer squad named for the World Cup qualifying match on Saturday, coach said:\nGoalkeepers - Tomasz Brzek ( Odra Wodzislaw ) , Adam Lis ( Amica Wronki ) .",
		[]want{{typ: "PERSON", mention: "Tomasz Brzek"}, {typ: "ORG", mention: "Odra Wodzislaw"}}},
	{"no team before a unit", "Athletics grand prix: the Olympic 800 metres champion won the race and the league title on points.", []want{{typ: "ORG", mention: "Olympic", notFound: true}}},
	{"club before a playing position", "Soccer: Braga defender Idalecio scored the equaliser in the league match on Sunday, and the goals came late.",
		[]want{{typ: "ORG", mention: "Braga"}, {typ: "PERSON", mention: "Idalecio"}}},
	{"team after a result word", "French league soccer: Nice came from behind for a 3-2 victory over Montpellier on Saturday, and the match drew a record attendance.",
		[]want{{typ: "ORG", mention: "Montpellier"}}},
	{"sports team is not a place", "Soccer league results: Leeds 2 Wimbledon 0. Attendance 20,000. Chelsea beat Everton in the cup match.", []want{{name: "Leeds", typ: "ORG", mention: "Leeds"}}},
	{"event name is not the country", "Sampras opens the defence of his U.S. Open crown on Monday.", []want{{country: "USA", notFound: true, mention: "U.S."}}},
	{"CAMEO code", "Russian Foreign Minister Sergei Lavrov met his counterpart.", []want{{name: "Sergei Lavrov", code: "RUSGOV", country: "RUS"}}},
}

func TestFixtures(t *testing.T) {
	st := stage(t)
	if len(fixtures) < 40 {
		t.Fatalf("only %d fixtures", len(fixtures))
	}
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			a := analyse(t, st, fx.text)
			for _, w := range fx.wants {
				checkWant(t, a, w)
			}
			if t.Failed() {
				dump(t, a)
			}
		})
	}
}

// checkWant verifies one expectation.
func checkWant(t *testing.T, a *doc.Analysis, w want) {
	t.Helper()
	var e *doc.Entity
	for i := range a.Entities {
		x := &a.Entities[i]
		if w.name != "" && !strings.EqualFold(x.Name, w.name) {
			continue
		}
		if w.country != "" && w.country != "-" && doc.Val(x.Country) != w.country {
			continue
		}
		if w.mention != "" && mentionOf(x, w.mention) == nil {
			continue
		}
		e = x
		break
	}
	if w.notFound {
		if e != nil {
			t.Errorf("unexpected entity %q (%s) for %+v", e.Name, e.Type, w)
		}
		return
	}
	if e == nil {
		t.Errorf("no entity matching %+v", w)
		return
	}
	if w.typ != "" && e.Type != w.typ {
		t.Errorf("%s: type %s, want %s", e.Name, e.Type, w.typ)
	}
	if w.country == "-" && e.Country != nil {
		t.Errorf("%s: country %s, want none", e.Name, *e.Country)
	}
	for _, s := range w.sectors {
		if !containsStr(e.Sectors, s) {
			t.Errorf("%s: sectors %v lack %s", e.Name, e.Sectors, s)
		}
	}
	if w.role != "" && doc.Val(e.Role) != w.role {
		t.Errorf("%s: role %q, want %q", e.Name, doc.Val(e.Role), w.role)
	}
	if w.code != "" && doc.Val(e.Code) != w.code {
		t.Errorf("%s: code %q, want %q", e.Name, doc.Val(e.Code), w.code)
	}
	if w.mention != "" && w.kind != "" {
		if m := mentionOf(e, w.mention); m.Kind != w.kind {
			t.Errorf("%s: mention %q kind %q, want %q", e.Name, w.mention, m.Kind, w.kind)
		}
	}
	if w.sameAs != "" && mentionOf(e, w.sameAs) == nil {
		t.Errorf("%s: %q and %q are not the same entity", e.Name, w.mention, w.sameAs)
	}
}

func mentionOf(e *doc.Entity, text string) *doc.Mention {
	for i := range e.Mentions {
		if e.Mentions[i].Text == text {
			return &e.Mentions[i]
		}
	}
	return nil
}
