package quote

import (
	"context"
	"strings"
	"testing"

	"github.com/attache-project/attache/internal/doc"
	"github.com/attache-project/attache/internal/text"
)

// analyse runs the text stage and then prep (to add hand-made entities or
// timexes) and the quote stage on s.
func analyse(t testing.TB, s string, prep func(a *doc.Analysis)) *doc.Analysis {
	t.Helper()
	a := doc.New(doc.Document{Text: s})
	tx, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if prep != nil {
		prep(a)
	}
	st, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := doc.CheckSpans(a); err != nil {
		t.Fatalf("span invariant: %v", err)
	}
	return a
}

// wantQuote is an expected quote. Empty strings mean null (speaker,
// medium, occasion) or no cue (lemma).
type wantQuote struct {
	kind, content, speaker, lemma, medium, occasion string
}

func got(q doc.Quote) wantQuote {
	w := wantQuote{kind: q.Kind, content: q.Text, medium: doc.Val(q.Medium), occasion: doc.Val(q.Occasion)}
	if q.Speaker != nil {
		w.speaker = q.Speaker.Text
	}
	if q.Cue != nil {
		w.lemma = q.Cue.Lemma
	}
	return w
}

// quoteCases are wire-style sentences with the quotes they hold.
var quoteCases = []struct {
	name string
	text string
	want []wantQuote
}{
	// Direct quotes and quotation marks.
	{"straight marks, trailing cue", `"We will not accept this," the minister said.`,
		[]wantQuote{{"direct", "We will not accept this", "the minister", "say", "", ""}}},
	{"curly marks, trailing cue", `“We will not accept this,” the minister said.`,
		[]wantQuote{{"direct", "We will not accept this", "the minister", "say", "", ""}}},
	{"curly open, straight close", `Zakharova said the envoy was recalled “in order to analyse what needs to be done with Washington."`,
		[]wantQuote{{"indirect", "the envoy was recalled", "Zakharova", "say", "", ""}, {"direct", "in order to analyse what needs to be done with Washington.", "Zakharova", "say", "", ""}}},
	{"straight open, curly close", `"Talks will resume next week,” the spokesman added.`,
		[]wantQuote{{"direct", "Talks will resume next week", "the spokesman", "add", "", ""}}},
	{"guillemets", `«Sanctions are counterproductive,» the deputy minister said.`,
		[]wantQuote{{"direct", "Sanctions are counterproductive", "the deputy minister", "say", "", ""}}},
	{"low-high marks", `„Wir sind bereit“, the chancellor said in Berlin.`,
		[]wantQuote{{"direct", "Wir sind bereit", "the chancellor", "say", "", ""}}},
	{"double apostrophes as marks", `''I do think this is a threat,'' said Mike Lux, a veteran activist.`,
		[]wantQuote{{"direct", "I do think this is a threat", "Mike Lux", "say", "", ""}}},
	{"backticks open", "``The deal is done,'' the negotiator said.",
		[]wantQuote{{"direct", "The deal is done", "the negotiator", "say", "", ""}}},
	{"inverted cue with name", `"There is no alternative to dialogue," said Maria Zakharova, the ministry spokeswoman.`,
		[]wantQuote{{"direct", "There is no alternative to dialogue", "Maria Zakharova", "say", "", ""}}},
	{"leading cue with colon", `The ambassador said: "Our position has not changed."`,
		[]wantQuote{{"direct", "Our position has not changed.", "The ambassador", "say", "", ""}}},
	{"leading cue with comma", `The president told the rally, "We will win this fight together."`,
		[]wantQuote{{"direct", "We will win this fight together.", "The president", "tell", "", ""}}},
	{"leading cue with that", `The Russian side is convinced that "good ties are in the interests of both countries," it noted.`,
		[]wantQuote{{"direct", "good ties are in the interests of both countries", "it", "note", "", ""}}},
	{"quote over two sentences", `"The situation is grave. We call on both sides to stop the fighting," the UN envoy said.`,
		[]wantQuote{{"direct", "The situation is grave. We call on both sides to stop the fighting", "the UN envoy", "say", "", ""}}},
	{"quote over two paragraphs", "\"The situation is grave. We call on both sides to stop.\n\n\"The council will meet again on Friday,\" the envoy said.",
		[]wantQuote{{"direct", "The situation is grave. We call on both sides to stop.\n\n\"The council will meet again on Friday", "the envoy", "say", "", ""}}},
	{"unclosed quote ends with its paragraph", "The envoy said: \"We are ready to talk\n\nOfficials in Kyiv declined to comment.",
		[]wantQuote{{"direct", "We are ready to talk", "The envoy", "say", "", ""}}},
	{"nested single quotes", `"They told us, 'Leave the city now,' and we left," the refugee said.`,
		[]wantQuote{{"direct", "They told us, 'Leave the city now,' and we left", "the refugee", "say", "", ""}}},
	{"nested curly single quotes", `“They told us, ‘Leave the city now,’ and we left,” the refugee said.`,
		[]wantQuote{{"direct", "They told us, ‘Leave the city now,’ and we left", "the refugee", "say", "", ""}}},
	{"apostrophe in possessive", `Washington’s policy has failed, the embassy said.`,
		[]wantQuote{{"indirect", "Washington’s policy has failed", "the embassy", "say", "", ""}}},
	{"apostrophe before decade", `The party’s base has shrunk since the ’90s, the analyst said.`,
		[]wantQuote{{"indirect", "The party’s base has shrunk since the ’90s", "the analyst", "say", "", ""}}},
	{"rock n roll", `The minister, a fan of rock ’n’ roll, said the festival would go ahead.`,
		[]wantQuote{{"indirect", "the festival would go ahead", "The minister", "say", "", ""}}},
	{"straight rock n roll", `The minister, a fan of rock 'n' roll, said the festival would go ahead.`,
		[]wantQuote{{"indirect", "the festival would go ahead", "The minister", "say", "", ""}}},
	{"single-quoted headline", `Putin says 'no plans' to meet Biden, Kremlin aide says 'talks are possible'`,
		[]wantQuote{{"direct", "no plans", "Putin", "say", "", ""}, {"direct", "talks are possible", "Kremlin aide", "say", "", ""}}},
	{"single-quoted quote", `'We are not at war with anyone,' the defence minister said.`,
		[]wantQuote{{"direct", "We are not at war with anyone", "the defence minister", "say", "", ""}}},
	{"scare quotes are not quotes", `The so-called “peace plan” was rejected by parliament on Tuesday.`,
		nil},
	{"title in quotes is not a quote", `He starred in “War and Peace” before entering politics.`,
		nil},
	{"continuation quote shares speaker", "\"We want peace,\" the president said. \"But we will defend ourselves.\"",
		[]wantQuote{{"direct", "We want peace", "the president", "say", "", ""}, {"direct", "But we will defend ourselves.", "the president", "say", "", ""}}},
	{"continuation paragraph shares speaker", "\"We want peace,\" the president said.\n\n\"But we will defend our borders by all means.\"",
		[]wantQuote{{"direct", "We want peace", "the president", "say", "", ""}, {"direct", "But we will defend our borders by all means.", "the president", "say", "", ""}}},
	{"quote split by cue", `"We are ready," the minister said, "to sign the treaty tomorrow."`,
		[]wantQuote{{"direct", "We are ready", "the minister", "say", "", ""}, {"direct", "to sign the treaty tomorrow.", "the minister", "say", "", ""}}},
	{"pronoun speaker", `"This is unacceptable," he said.`,
		[]wantQuote{{"direct", "This is unacceptable", "he", "say", "", ""}}},
	{"appositive speaker after quote", `"The vote was rigged," Ivan Petrov, who heads the monitoring group, said on Monday.`,
		[]wantQuote{{"direct", "The vote was rigged", "Ivan Petrov", "say", "", ""}}},
	{"appositive title after quote", `"Order is important," House Speaker Paul Ryan, the convention chair, told the delegates.`,
		[]wantQuote{{"direct", "Order is important", "House Speaker Paul Ryan", "tell", "", ""}}},
	{"question in quote", `"Who will pay for this?" the senator asked.`,
		[]wantQuote{{"direct", "Who will pay for this?", "the senator", "ask", "", ""}}},
	{"exclamation in quote", `"Never again!" the crowd shouted.`,
		[]wantQuote{{"direct", "Never again!", "the crowd", "shout", "", ""}}},
	{"unattributed long quote kept", `"The border will stay closed until further notice."`,
		[]wantQuote{{"direct", "The border will stay closed until further notice.", "", "", "", ""}}},
	{"possessive spokesman", `"The talks were useful," the Kremlin's spokesman said.`,
		[]wantQuote{{"direct", "The talks were useful", "the Kremlin's spokesman", "say", "", ""}}},
	{"curly possessive spokesman", `“The talks were useful,” the Kremlin’s spokesman said.`,
		[]wantQuote{{"direct", "The talks were useful", "the Kremlin’s spokesman", "say", "", ""}}},
	{"plural officials", `"We have seen no evidence," officials said.`,
		[]wantQuote{{"direct", "We have seen no evidence", "officials", "say", "", ""}}},
	{"senior official", `"The door remains open," a senior official said.`,
		[]wantQuote{{"direct", "The door remains open", "a senior official", "say", "", ""}}},
	{"diplomatic sources", `"The summit may be postponed," diplomatic sources told TASS.`,
		[]wantQuote{{"direct", "The summit may be postponed", "diplomatic sources", "tell", "TASS", ""}}},
	{"the Russian side", `"Dialogue is the only way," the Russian side stressed.`,
		[]wantQuote{{"direct", "Dialogue is the only way", "the Russian side", "stress", "", ""}}},
	{"perfect tense cue", `"We have done our part," the mayor has said.`,
		[]wantQuote{{"direct", "We have done our part", "the mayor", "say", "", ""}}},
	{"adverb before cue", `"We have done our part," the mayor later added.`,
		[]wantQuote{{"direct", "We have done our part", "the mayor", "add", "", ""}}},
	{"present tense says", `"Prices will keep rising," Smith says.`,
		[]wantQuote{{"direct", "Prices will keep rising", "Smith", "say", "", ""}}},
	{"writes", `"Europe must act now," the former diplomat writes.`,
		[]wantQuote{{"direct", "Europe must act now", "the former diplomat", "write", "", ""}}},
	{"wrote on Facebook", `"The ambassador will fly to Moscow on Saturday," the embassy wrote on its Facebook account.`,
		[]wantQuote{{"direct", "The ambassador will fly to Moscow on Saturday", "the embassy", "write", "Facebook", ""}}},
	{"dash-introduced quote is not attributed", `Protesters carried banners — "Hands off Ukraine" — through the centre of the city.`,
		nil},

	// Indirect speech.
	{"said that", `The foreign minister said that the talks would resume in Geneva.`,
		[]wantQuote{{"indirect", "the talks would resume in Geneva", "The foreign minister", "say", "", ""}}},
	{"said without that", `The foreign minister said the talks would resume in Geneva.`,
		[]wantQuote{{"indirect", "the talks would resume in Geneva", "The foreign minister", "say", "", ""}}},
	{"said on Wednesday", `The foreign minister said on Wednesday the talks would resume in Geneva.`,
		[]wantQuote{{"indirect", "the talks would resume in Geneva", "The foreign minister", "say", "", ""}}},
	{"said on Wednesday that", `The foreign minister said on Wednesday that the talks would resume.`,
		[]wantQuote{{"indirect", "the talks would resume", "The foreign minister", "say", "", ""}}},
	{"said Wednesday", `The foreign minister said Wednesday the talks would resume in Geneva.`,
		[]wantQuote{{"indirect", "the talks would resume in Geneva", "The foreign minister", "say", "", ""}}},
	{"trailing said", `The talks will resume in Geneva next week, the foreign minister said.`,
		[]wantQuote{{"indirect", "The talks will resume in Geneva next week", "the foreign minister", "say", "", ""}}},
	{"trailing inverted said", `The talks will resume in Geneva next week, said the foreign minister.`,
		[]wantQuote{{"indirect", "The talks will resume in Geneva next week", "the foreign minister", "say", "", ""}}},
	{"trailing said with date", `The talks will resume in Geneva next week, the foreign minister said on Monday.`,
		[]wantQuote{{"indirect", "The talks will resume in Geneva next week", "the foreign minister", "say", "", ""}}},
	{"according to first", `According to the embassy, the ambassador will return to Washington in April.`,
		[]wantQuote{{"indirect", "the ambassador will return to Washington in April", "the embassy", "according to", "", ""}}},
	{"according to last", `The ambassador will return to Washington in April, according to the embassy.`,
		[]wantQuote{{"indirect", "The ambassador will return to Washington in April", "the embassy", "according to", "", ""}}},
	{"according to named source", `According to Interior Minister Ahmed Khan, 40 people were killed.`,
		[]wantQuote{{"indirect", "40 people were killed", "Interior Minister Ahmed Khan", "according to", "", ""}}},
	{"told reporters that", `The general told reporters that the offensive had stalled.`,
		[]wantQuote{{"indirect", "the offensive had stalled", "The general", "tell", "", "remarks to reporters"}}},
	{"told reporters no that", `The general told reporters the offensive had stalled.`,
		[]wantQuote{{"indirect", "the offensive had stalled", "The general", "tell", "", "remarks to reporters"}}},
	{"told a named outlet", `The minister told Reuters the pipeline would be finished by December.`,
		[]wantQuote{{"indirect", "the pipeline would be finished by December", "The minister", "tell", "Reuters", ""}}},
	{"spokesman said", `The Kremlin's spokesman said Moscow had not been consulted.`,
		[]wantQuote{{"indirect", "Moscow had not been consulted", "The Kremlin's spokesman", "say", "", ""}}},
	{"in a statement", `In a statement, the ministry said the decision was final.`,
		[]wantQuote{{"indirect", "the decision was final", "the ministry", "say", "", "statement"}}},
	{"said in a statement", `The ministry said in a statement that the decision was final.`,
		[]wantQuote{{"indirect", "the decision was final", "The ministry", "say", "", "statement"}}},
	{"warned", `The central bank warned that inflation could exceed 10 percent.`,
		[]wantQuote{{"indirect", "inflation could exceed 10 percent", "The central bank", "warn", "", ""}}},
	{"stressed", `The embassy stressed that Russia stands for dialogue.`,
		[]wantQuote{{"indirect", "Russia stands for dialogue", "The embassy", "stress", "", ""}}},
	{"noted", `The report noted that exports fell for a third month.`,
		[]wantQuote{{"indirect", "exports fell for a third month", "The report", "note", "", ""}}},
	{"insisted", `Beijing insisted that the drills were routine.`,
		[]wantQuote{{"indirect", "the drills were routine", "Beijing", "insist", "", ""}}},
	{"claimed", `The rebels claimed they had captured the airport.`,
		[]wantQuote{{"indirect", "they had captured the airport", "The rebels", "claim", "", ""}}},
	{"denied", `The ministry denied that troops had crossed the border.`,
		[]wantQuote{{"indirect", "troops had crossed the border", "The ministry", "deny", "", ""}}},
	{"announced", `The government announced that elections would be held in June.`,
		[]wantQuote{{"indirect", "elections would be held in June", "The government", "announce", "", ""}}},
	{"added", `The official added that no decision had been taken.`,
		[]wantQuote{{"indirect", "no decision had been taken", "The official", "add", "", ""}}},
	{"explained", `The minister explained that the tax would fund pensions.`,
		[]wantQuote{{"indirect", "the tax would fund pensions", "The minister", "explain", "", ""}}},
	{"confirmed", `The airline confirmed that two flights had been cancelled.`,
		[]wantQuote{{"indirect", "two flights had been cancelled", "The airline", "confirm", "", ""}}},
	{"urged", `The UN chief urged both sides to return to the negotiating table.`,
		[]wantQuote{{"indirect", "both sides to return to the negotiating table", "The UN chief", "urge", "", ""}}},
	{"called for", `Russia calls for establishing dialogue with the United States.`,
		[]wantQuote{{"indirect", "establishing dialogue with the United States", "Russia", "call for", "", ""}}},
	{"accused", `Kyiv accused Moscow of shelling civilian areas.`,
		[]wantQuote{{"indirect", "Moscow of shelling civilian areas", "Kyiv", "accuse", "", ""}}},
	{"argued", `The defence argued that the evidence had been planted.`,
		[]wantQuote{{"indirect", "the evidence had been planted", "The defence", "argue", "", ""}}},
	{"pointed out", `The governor pointed out that the budget was balanced.`,
		[]wantQuote{{"indirect", "the budget was balanced", "The governor", "point out", "", ""}}},
	{"has said", `The prime minister has said the reform will go ahead.`,
		[]wantQuote{{"indirect", "the reform will go ahead", "The prime minister", "say", "", ""}}},
	{"also said", `The prime minister also said the reform would go ahead.`,
		[]wantQuote{{"indirect", "the reform would go ahead", "The prime minister", "say", "", ""}}},
	{"pronoun says", `She says the country needs new leadership.`,
		[]wantQuote{{"indirect", "the country needs new leadership", "She", "say", "", ""}}},
	{"appositive before cue", `Antonov, the Russian ambassador, said relations were in crisis.`,
		[]wantQuote{{"indirect", "relations were in crisis", "Antonov", "say", "", ""}}},
	{"embassy in country", `The Russian embassy in the United States said the envoy would fly home.`,
		[]wantQuote{{"indirect", "the envoy would fly home", "The Russian embassy in the United States", "say", "", ""}}},
	{"title and name", `Russian Ambassador to the United States Anatoly Antonov said he would fly home.`,
		[]wantQuote{{"indirect", "he would fly home", "Russian Ambassador to the United States Anatoly Antonov", "say", "", ""}}},
	{"coordinated speakers", `Russia and China said the resolution was unbalanced.`,
		[]wantQuote{{"indirect", "the resolution was unbalanced", "Russia and China", "say", "", ""}}},
	{"outer attribution wins", `Russia calls for dialogue and insists that ties matter, the Russian embassy said.`,
		[]wantQuote{{"indirect", "Russia calls for dialogue and insists that ties matter", "the Russian embassy", "say", "", ""}}},
	{"participle saying", `The opposition rejected the result, saying the count was rigged.`,
		[]wantQuote{{"indirect", "the count was rigged", "The opposition", "say", "", ""}}},
	{"noun report is not a cue", `The report was published on Tuesday by the commission.`,
		nil},
	{"possessive claim is not a cue", `His claim was dismissed by the court in March.`,
		nil},
	{"passive told is not attributed", `Residents were told to leave their homes by noon.`,
		nil},
	{"spoke on condition is not content", `The official spoke on condition of anonymity.`,
		nil},
	{"no cue no quote", `The army moved three brigades to the border on Sunday.`,
		nil},
	{"infinitive say after another verb", `The minister refused to say whether talks would continue.`,
		nil},
	{"said with colon and clause", `The minister said: the talks are over.`,
		[]wantQuote{{"indirect", "the talks are over", "The minister", "say", "", ""}}},
	{"told object that", `The envoy told the council that the ceasefire was holding.`,
		[]wantQuote{{"indirect", "the ceasefire was holding", "The envoy", "tell", "", ""}}},

	{"gerund subject in trailing attribution", `Finding the wreck is not as simple as scanning the seabed, he said.`,
		[]wantQuote{{"indirect", "Finding the wreck is not as simple as scanning the seabed", "he", "say", "", ""}}},
	{"quantifier speaker", `Many said on Monday that the ruling raised the stakes.`,
		[]wantQuote{{"indirect", "the ruling raised the stakes", "Many", "say", "", ""}}},
	{"content opening with a quantity", `The budget office said about half of the deficit came from tax cuts.`,
		[]wantQuote{{"indirect", "about half of the deficit came from tax cuts", "The budget office", "say", "", ""}}},
	{"quoted title before that", `Sanders said on ABC's "This Week" that he would look at the bill.`,
		[]wantQuote{{"indirect", "he would look at the bill", "Sanders", "say", "ABC", ""}}},
	{"cue splits the statement", `The question of suspending accounts, she said, is not so simple.`,
		[]wantQuote{{"indirect", "The question of suspending accounts", "she", "say", "", ""}, {"indirect", "is not so simple", "she", "say", "", ""}}},
	{"narrator goes on after but", `Clinton says the emails were personal, but for Republicans it is a smoking gun.`,
		[]wantQuote{{"indirect", "the emails were personal", "Clinton", "say", "", ""}}},
	{"second speaker after and", `Trump said she would bring in more refugees and Trump says some of them are dangerous.`,
		[]wantQuote{{"indirect", "she would bring in more refugees", "Trump", "say", "", ""}, {"indirect", "some of them are dangerous", "Trump", "say", "", ""}}},
	{"subordinate clause with a second attribution", `While only 7 percent said they are undecided, 27 percent said they could change their mind.`,
		[]wantQuote{{"indirect", "they are undecided", "7 percent", "say", "", ""}, {"indirect", "they could change their mind", "27 percent", "say", "", ""}}},
	{"colon sentence introduces the next paragraph", "In a speech last July, he said:\n\n\"Let no one be mistaken about where I stand.\"",
		[]wantQuote{{"direct", "Let no one be mistaken about where I stand.", "he", "say", "", "speech"}}},
	{"attribution cut off as its own sentence", `"Remember when she said she was poor?" Trump said.`,
		[]wantQuote{{"direct", "Remember when she said she was poor?", "Trump", "say", "", ""}}},
	{"quote after a cue is not taken by a later verb", `Obama said "it gets me mad" every time he thinks about the victims.`,
		[]wantQuote{{"direct", "it gets me mad", "Obama", "say", "", ""}}},
	{"name and noun-tagged cue", `"Cruz appeals to Reagan Democrats," Viguerie notes.`,
		[]wantQuote{{"direct", "Cruz appeals to Reagan Democrats", "Viguerie", "note", "", ""}}},

	{"as X reported, clause", `As The Huffington Post reported, Clinton is the top recipient of bank money.`,
		[]wantQuote{{"indirect", "Clinton is the top recipient of bank money", "The Huffington Post", "report", "", ""}}},
	{"clause, as X said", `The race is a dead heat, as Cruz said on Monday, and every vote counts.`,
		[]wantQuote{{"indirect", "The race is a dead heat", "Cruz", "say", "", ""}}},

	// Mixed quotes.
	{"partial quote makes mixed", `The ministry described the policy as “non-constructive” and said it harmed ties.`,
		[]wantQuote{{"mixed", "the policy as “non-constructive”", "The ministry", "describe", "", ""}, {"indirect", "it harmed ties", "The ministry", "say", "", ""}}},
	{"partial quote alone", `The ministry described the policy as “non-constructive”.`,
		[]wantQuote{{"mixed", "the policy as “non-constructive”", "The ministry", "describe", "", ""}}},
	{"second attribution after and", `Six in 10 voters said Clinton is honest, and three-quarters said the same of Sanders.`,
		[]wantQuote{{"indirect", "Clinton is honest", "Six in 10 voters", "say", "", ""}}},
	{"relative clause speaker", `Barkley, who said he votes Democratic, said one candidate he likes is Kasich.`,
		[]wantQuote{{"indirect", "he votes Democratic", "Barkley", "say", "", ""}, {"indirect", "one candidate he likes is Kasich", "Barkley", "say", "", ""}}},
	{"age appositive", `Marley Anderson, 21, a junior from Las Vegas, said she came to support Sanders.`,
		[]wantQuote{{"indirect", "she came to support Sanders", "Marley Anderson", "say", "", ""}}},
	{"party in parentheses", `Sen. Elizabeth Warren (D-MA) said the nominee was a failure in business.`,
		[]wantQuote{{"indirect", "the nominee was a failure in business", "Sen. Elizabeth Warren", "say", "", ""}}},
	{"participle opener is not content", `Asked if he was ever bullied, the candidate said no.`,
		nil},
	{"subordinate clause ends the content", `While Ramos said that journalists cannot take sides, he appears uneasy.`,
		[]wantQuote{{"indirect", "journalists cannot take sides", "Ramos", "say", "", ""}}},
	{"short fragment in indirect clause", `The embassy said Washington was driving ties to a “dead end”.`,
		[]wantQuote{{"mixed", "Washington was driving ties to a “dead end”", "The embassy", "say", "", ""}}},
	{"short straight fragment", `The minister said the sanctions were "illegal" and would be challenged.`,
		[]wantQuote{{"mixed", "the sanctions were \"illegal\" and would be challenged", "The minister", "say", "", ""}}},
	{"fragment in trailing clause", `The plan is “dead on arrival”, the senator said.`,
		[]wantQuote{{"mixed", "The plan is “dead on arrival”", "the senator", "say", "", ""}}},
	{"long fragment is its own direct quote", `Zakharova said Antonov was summoned “in order to analyse what needs to be done next” in relations.`,
		[]wantQuote{{"indirect", "Antonov was summoned", "Zakharova", "say", "", ""}, {"direct", "in order to analyse what needs to be done next", "Zakharova", "say", "", ""}}},

	// Medium and occasion.
	{"on Telegram", `The governor said on Telegram that air defences had been activated.`,
		[]wantQuote{{"indirect", "air defences had been activated", "The governor", "say", "Telegram", ""}}},
	{"Telegram channel", `"Air defences are working," the governor wrote on his Telegram channel.`,
		[]wantQuote{{"direct", "Air defences are working", "the governor", "write", "Telegram", ""}}},
	{"on X", `"We stand with Ukraine," the prime minister wrote on X.`,
		[]wantQuote{{"direct", "We stand with Ukraine", "the prime minister", "write", "X/Twitter", ""}}},
	{"tweeted", `"We stand with Ukraine," the prime minister tweeted.`,
		[]wantQuote{{"direct", "We stand with Ukraine", "the prime minister", "tweet", "X/Twitter", ""}}},
	{"interview with CNN", `The secretary said in an interview with CNN that sanctions were working.`,
		[]wantQuote{{"indirect", "sanctions were working", "The secretary", "say", "CNN", "interview"}}},
	{"news conference", `"We will respond," the minister said at a news conference.`,
		[]wantQuote{{"direct", "We will respond", "the minister", "say", "", "news conference"}}},
	{"press conference", `The minister said at a press conference in Ankara that Sweden must act.`,
		[]wantQuote{{"indirect", "Sweden must act", "The minister", "say", "", "news conference"}}},
	{"state television", `The president said on state television that the crisis was over.`,
		[]wantQuote{{"indirect", "the crisis was over", "The president", "say", "state television", ""}}},
	{"commentary", `Zakharova said in a commentary that the move was hostile.`,
		[]wantQuote{{"indirect", "the move was hostile", "Zakharova", "say", "", "commentary"}}},
	{"briefing", `The spokesman told a briefing that no talks were planned.`,
		[]wantQuote{{"indirect", "no talks were planned", "The spokesman", "tell", "", "briefing"}}},
	{"told journalists", `"Nothing has been decided," the aide told journalists.`,
		[]wantQuote{{"direct", "Nothing has been decided", "the aide", "tell", "", "remarks to reporters"}}},
	{"medium inside quote ignored", `"I read it on Facebook," the student said.`,
		[]wantQuote{{"direct", "I read it on Facebook", "the student", "say", "", ""}}},
	{"statement trailing", `The strikes hit military targets only, the ministry said in a statement.`,
		[]wantQuote{{"indirect", "The strikes hit military targets only", "the ministry", "say", "", "statement"}}},
	{"Instagram", `"I am fine," the singer wrote on her Instagram page.`,
		[]wantQuote{{"direct", "I am fine", "the singer", "write", "Instagram", ""}}},
	{"speech", `The president said in a speech that the war would end soon.`,
		[]wantQuote{{"indirect", "the war would end soon", "The president", "say", "", "speech"}}},
	// Participles take the speaker of the cue before them.
	{"adding after a direct quote", `"We will not yield," the minister said, adding that talks would continue.`,
		[]wantQuote{{"direct", "We will not yield", "the minister", "say", "", ""}, {"indirect", "talks would continue", "the minister", "add", "", ""}}},
	{"before adding", `The envoy rejected the plan before adding that talks would continue.`,
		[]wantQuote{{"indirect", "talks would continue", "The envoy", "add", "", ""}}},
	// Appositives between the speaker and the cue.
	{"party and state label", `Sen. Lindsey Graham, R-S.C., a presidential candidate, said the strikes were overdue.`,
		[]wantQuote{{"indirect", "the strikes were overdue", "Sen. Lindsey Graham", "say", "", ""}}},
	{"name in apposition", `One pastor backing the senator, John Whiting of Grace Church, said he had made 150 calls.`,
		[]wantQuote{{"indirect", "he had made 150 calls", "John Whiting of Grace Church", "say", "", ""}}},
	{"appositive between dashes", `Jason Sims — a teacher from Ohio — says he changed his vote.`,
		[]wantQuote{{"indirect", "he changed his vote", "Jason Sims", "say", "", ""}}},
	{"time words before the cue", `Senator Dianne Feinstein (D-Calif.) last week said the emails were not classified.`,
		[]wantQuote{{"indirect", "the emails were not classified", "Senator Dianne Feinstein", "say", "", ""}}},
	{"relative that is not the complementizer", `He said the part of the plan that was leaked is accurate.`,
		[]wantQuote{{"indirect", "the part of the plan that was leaked is accurate", "He", "say", "", ""}}},
	// Headlines and transcripts: "SPEAKER: STATEMENT".
	{"headline colon", `Lavrov: Moscow will respond to new sanctions`,
		[]wantQuote{{"indirect", "Moscow will respond to new sanctions", "Lavrov", ":", "", ""}}},
	{"headline colon without a verb", `Lynch: No outside influence on the inquiry`,
		[]wantQuote{{"indirect", "No outside influence on the inquiry", "Lynch", ":", "", ""}}},
	{"label colon is no speaker", `Update: The talks resumed on Monday.`, nil},
	// Openers that are the narrator's.
	{"dateline before the content", `WASHINGTON (AP) — The economy grew faster than expected, according to government data.`,
		[]wantQuote{{"indirect", "The economy grew faster than expected", "government data", "according to", "", ""}}},
	{"participle opener before according to", `Boasting 108,000 residents, the county leans Republican, according to a local newspaper.`,
		[]wantQuote{{"indirect", "the county leans Republican", "a local newspaper", "according to", "", ""}}},
}

func TestQuotes(t *testing.T) {
	for _, tc := range quoteCases {
		t.Run(tc.name, func(t *testing.T) {
			a := analyse(t, tc.text, nil)
			var g []wantQuote
			for _, q := range a.Quotes {
				g = append(g, got(q))
			}
			if len(g) != len(tc.want) {
				t.Fatalf("%q:\n got %d quotes %+v\nwant %d %+v", tc.text, len(g), g, len(tc.want), tc.want)
			}
			for i := range g {
				if g[i] != tc.want[i] {
					t.Errorf("%q quote %d:\n got %+v\nwant %+v", tc.text, i, g[i], tc.want[i])
				}
			}
		})
	}
}

func TestQuoteCaseCount(t *testing.T) {
	if len(quoteCases) < 100 {
		t.Errorf("want at least 100 table cases, have %d", len(quoteCases))
	}
	if strings.TrimSpace(quoteCases[0].text) == "" {
		t.Error("empty case")
	}
}
