package timex

import (
	"strings"
	"testing"
)

// tcase is one sentence, the anchor it is read against, and one
// expression that must be found in it with its type and value. With expr
// empty, absent names words that must not be tagged.
type tcase struct {
	anchor, text, expr, typ, val string
	absent                       string
}

// Thursday 2021-03-18, the day of the seed story; ISO week 2021-W11.
const thu = "2021-03-18"

var cases = []tcase{
	// ---- absolute dates
	{thu, "The talks will resume on March 20.", "March 20", "DATE", "2021-03-20", ""},
	{thu, "He arrived in Moscow on 20 March 2021.", "20 March 2021", "DATE", "2021-03-20", ""},
	{thu, "The vote is set for Mar. 20.", "Mar. 20", "DATE", "2021-03-20", ""},
	{thu, "The report was published on 2021-03-20 in Geneva.", "2021-03-20", "DATE", "2021-03-20", ""},
	{thu, "The ceasefire began on Sept. 30, 2020.", "Sept. 30, 2020", "DATE", "2020-09-30", ""},
	{thu, "The election was held in March 2020.", "March 2020", "DATE", "2020-03", ""},
	{thu, "The plant opened in 1987.", "1987", "DATE", "1987", ""},
	{thu, "Profit rose in fiscal 1988.", "fiscal 1988", "DATE", "1988", ""},
	{thu, "The treaty was signed on December 8, 1991.", "December 8, 1991", "DATE", "1991-12-08", ""},
	{thu, "The deadline is May 1.", "May 1", "DATE", "2021-05-01", ""},
	{thu, "It happened on the 20th of March.", "the 20th of March", "DATE", "2021-03-20", ""},
	{thu, "The meeting took place on the 12th.", "the 12th", "DATE", "2021-03-12", ""},
	{thu, "The parliament will meet on the 25th.", "the 25th", "DATE", "2021-03-25", ""},
	{thu, "The parliament will meet on the 5th.", "the 5th", "DATE", "2021-04-05", ""},
	{thu, "He died on 3/20/2020 in a hospital.", "3/20/2020", "DATE", "2020-03-20", ""},
	{thu, "It was reported on 20.03.2021 in Moscow.", "20.03.2021", "DATE", "2021-03-20", ""},
	{thu, "Sales fell in July 1997.", "July 1997", "DATE", "1997-07", ""},
	{thu, "In the 1990s, the economy grew.", "the 1990s", "DATE", "199", ""},
	{thu, "The music of the '80s returned.", "the '80s", "DATE", "198", ""},
	{thu, "It was built in the 20th century.", "the 20th century", "DATE", "19", ""},
	{thu, "The reform began in January.", "January", "DATE", "2021-01", ""},
	{thu, "The summit will be held in December.", "December", "DATE", "2021-12", ""},
	{thu, "The contract was signed in December.", "December", "DATE", "2020-12", ""},
	{thu, "Elections are due in October.", "October", "DATE", "2021-10", ""},
	{thu, "Talks will resume in February.", "February", "DATE", "2022-02", ""},
	{thu, "The crisis deepened in late November.", "late November", "DATE", "2020-11", ""},
	{thu, "The law was passed on October 3.", "October 3", "DATE", "2020-10-03", ""},
	{thu, "The court ruled on Thursday, March 11.", "Thursday, March 11", "DATE", "2021-03-11", ""},
	{thu, "The accord expires at the end of 2022.", "the end of 2022", "DATE", "2022", ""},
	{thu, "Sales peaked in mid-November.", "mid-November", "DATE", "2020-11", ""},
	// ---- weekdays and tense
	{thu, "The embassy said on Wednesday.", "Wednesday", "DATE", "2021-03-17", ""},
	{thu, "The minister will meet his counterpart on Monday.", "Monday", "DATE", "2021-03-22", ""},
	{thu, "Officials said on Thursday that talks had failed.", "Thursday", "DATE", "2021-03-18", ""},
	{thu, "The president spoke on Friday.", "Friday", "DATE", "2021-03-12", ""},
	{thu, "The talks begin on Saturday.", "Saturday", "DATE", "2021-03-20", ""},
	{thu, "He will arrive on Thursday.", "Thursday", "DATE", "2021-03-18", ""},
	{thu, "On Tuesday, the ministry announced new rules.", "Tuesday", "DATE", "2021-03-16", ""},
	{thu, "The vote is expected on Sunday.", "Sunday", "DATE", "2021-03-21", ""},
	{thu, "Protesters gathered late on Tuesday.", "late on Tuesday", "TIME", "2021-03-16TNI", ""},
	{thu, "Troops moved in early on Monday.", "early on Monday", "TIME", "2021-03-15TMO", ""},
	{thu, "The strike happened on Friday morning.", "Friday morning", "TIME", "2021-03-12TMO", ""},
	{thu, "The ministry said on Wednesday night that it would respond.", "Wednesday night", "TIME", "2021-03-17TNI", ""},
	{thu, "Zakharova said in a commentary earlier on Wednesday that he was summoned.", "Wednesday", "DATE", "2021-03-17", ""},
	{thu, "The embassy said last Wednesday.", "last Wednesday", "DATE", "2021-03-17", ""},
	{thu, "The summit opens next Monday.", "next Monday", "DATE", "2021-03-22", ""},
	{thu, "He left last Thursday.", "last Thursday", "DATE", "2021-03-11", ""},
	{thu, "Antonov will fly to Moscow on Saturday for consultations.", "Saturday", "DATE", "2021-03-20", ""},
	{thu, "Rebels shelled the town on Sunday and Monday.", "Monday", "DATE", "2021-03-15", ""},
	{thu, "The Kremlin has said on Tuesday it would not comment.", "Tuesday", "DATE", "2021-03-16", ""},
	{thu, "The delegation plans to travel to Kabul on Friday.", "Friday", "DATE", "2021-03-19", ""},
	// ---- today, yesterday, tomorrow, tonight
	{thu, "Prices rose today.", "today", "DATE", "2021-03-18", ""},
	{thu, "The ministry said yesterday that it had no comment.", "yesterday", "DATE", "2021-03-17", ""},
	{thu, "The talks resume tomorrow.", "tomorrow", "DATE", "2021-03-19", ""},
	{thu, "The leaders meet tonight.", "tonight", "TIME", "2021-03-18TNI", ""},
	{thu, "Shelling resumed yesterday morning.", "yesterday morning", "TIME", "2021-03-17TMO", ""},
	{thu, "He will fly tomorrow evening.", "tomorrow evening", "TIME", "2021-03-19TEV", ""},
	{thu, "Explosions were heard last night.", "last night", "TIME", "2021-03-17TNI", ""},
	{thu, "The minister spoke this morning.", "this morning", "TIME", "2021-03-18TMO", ""},
	{thu, "The day before yesterday, rebels attacked.", "The day before yesterday", "DATE", "2021-03-16", ""},
	{thu, "Talks went on this afternoon.", "this afternoon", "TIME", "2021-03-18TAF", ""},
	// ---- last/next/this week|month|year, earlier/later
	{thu, "Exports fell last week.", "last week", "DATE", "2021-W10", ""},
	{thu, "The talks continue this week.", "this week", "DATE", "2021-W11", ""},
	{thu, "He will visit next week.", "next week", "DATE", "2021-W12", ""},
	{thu, "Inflation rose last month.", "last month", "DATE", "2021-02", ""},
	{thu, "The law takes effect next month.", "next month", "DATE", "2021-04", ""},
	{thu, "Turnout this month was low.", "this month", "DATE", "2021-03", ""},
	{thu, "The economy shrank last year.", "last year", "DATE", "2020", ""},
	{thu, "Elections are due next year.", "next year", "DATE", "2022", ""},
	{thu, "Growth this year will be weak.", "this year", "DATE", "2021", ""},
	{thu, "Prices fell last quarter.", "last quarter", "DATE", "2020-Q4", ""},
	{thu, "The deal was struck earlier this month.", "earlier this month", "DATE", "2021-03", ""},
	{thu, "The plant will reopen later this year.", "later this year", "DATE", "2021", ""},
	{thu, "The crisis will ease early next year.", "early next year", "DATE", "2022", ""},
	{thu, "Growth slowed in the past decade.", "the past decade", "DURATION", "P10Y", ""},
	// ---- N units ago
	{thu, "Three people were killed two days ago.", "two days ago", "DATE", "2021-03-16", ""},
	{thu, "The treaty was signed three weeks ago.", "three weeks ago", "DATE", "2021-W08", ""},
	{thu, "He left five years ago.", "five years ago", "DATE", "2016", ""},
	{thu, "The firm was founded a decade ago.", "a decade ago", "DATE", "2011", ""},
	{thu, "Two months ago, the rebels retreated.", "Two months ago", "DATE", "2021-01", ""},
	{thu, "The mission ended about two years ago.", "about two years ago", "DATE", "2019", ""},
	{thu, "The rebels withdrew several years ago.", "several years ago", "DATE", "PAST_REF", ""},
	// ---- weekends, seasons
	{thu, "Rebels attacked over the weekend.", "the weekend", "DATE", "2021-W10-WE", ""},
	{thu, "Talks will continue at the weekend.", "the weekend", "DATE", "2021-W11-WE", ""},
	{thu, "Protests are planned for this weekend.", "this weekend", "DATE", "2021-W11-WE", ""},
	{thu, "The deal was signed last weekend.", "last weekend", "DATE", "2021-W10-WE", ""},
	{thu, "The rally will take place next weekend.", "next weekend", "DATE", "2021-W12-WE", ""},
	{thu, "Sales fell last summer.", "last summer", "DATE", "2020-SU", ""},
	{thu, "The vote will be held this summer.", "this summer", "DATE", "2021-SU", ""},
	{thu, "The offensive resumed in the spring of 2020.", "the spring of 2020", "DATE", "2020-SP", ""},
	{thu, "The report covers summer 2019.", "summer 2019", "DATE", "2019-SU", ""},
	{thu, "He will retire next spring.", "next spring", "DATE", "2022-SP", ""},
	{thu, "The fighting ended last June.", "last June", "DATE", "2020-06", ""},
	{thu, "The vote is next January.", "next January", "DATE", "2022-01", ""},
	{thu, "Troops will withdraw in the autumn.", "the autumn", "DATE", "2021-FA", ""},
	// ---- the reference time moves with the narrative
	{thu, "The minister arrived on March 3. He left a day later.", "a day later", "DATE", "2021-03-04", ""},
	{thu, "The talks opened on March 3. The next day, they collapsed.", "The next day", "DATE", "2021-03-04", ""},
	{thu, "The crisis began in 2019. The following year, the economy shrank.", "The following year", "DATE", "2020", ""},
	{thu, "The war began in 2014. Two years later, a truce was signed.", "Two years later", "DATE", "2016", ""},
	{thu, "The truce was signed on March 1. Three days later, it collapsed.", "Three days later", "DATE", "2021-03-04", ""},
	{thu, "Fighting erupted on Jan. 10, 2019. That day, 40 people died.", "That day", "DATE", "2019-01-10", ""},
	{thu, "The crisis began in 2008. A year earlier, banks had boomed.", "A year earlier", "DATE", "2007", ""},
	// ---- quarters and halves
	{thu, "Profit rose in the third quarter.", "the third quarter", "DATE", "2020-Q3", ""},
	{thu, "Third-quarter profit rose 5%.", "Third-quarter", "DATE", "2020-Q3", ""},
	{thu, "Sales in the fourth quarter of 2020 fell.", "the fourth quarter of 2020", "DATE", "2020-Q4", ""},
	{thu, "The company expects growth in the second half.", "the second half", "DATE", "2021-H2", ""},
	{thu, "Revenue rose in Q4 2020.", "Q4 2020", "DATE", "2020-Q4", ""},
	{thu, "Profit rose in the first quarter of this year.", "the first quarter of this year", "DATE", "2021-Q1", ""},
	{thu, "Profit rose 5% in the third quarter. A year earlier, it fell.", "A year earlier", "DATE", "2019-Q3", ""},
	{thu, "Profit rose in the 2019 third quarter.", "the 2019 third quarter", "DATE", "2019-Q3", ""},
	// ---- times of day
	{thu, "The talks start at 10:00 GMT.", "10:00 GMT", "TIME", "2021-03-18T10:00", ""},
	{thu, "The blast occurred at 5 p.m. near the border.", "5 p.m.", "TIME", "2021-03-18T17:00", ""},
	{thu, "The meeting begins at noon Thursday.", "noon Thursday", "TIME", "2021-03-18T12:00", ""},
	{thu, "Voting ends at midnight.", "midnight", "TIME", "2021-03-18T24:00", ""},
	{thu, "The rocket launched at 1430 GMT.", "1430 GMT", "TIME", "2021-03-18T14:30", ""},
	{thu, "Police arrived at 10:35 a.m. Tuesday.", "10:35 a.m. Tuesday", "TIME", "2021-03-16T10:35", ""},
	{thu, "The curfew starts at 9 pm Moscow time.", "9 pm Moscow time", "TIME", "2021-03-18T21:00", ""},
	{thu, "The session ended at 4 a.m. EST.", "4 a.m. EST", "TIME", "2021-03-18T04:00", ""},
	// ---- durations
	{thu, "The war lasted three years.", "three years", "DURATION", "P3Y", ""},
	{thu, "The feud has gone on for decades.", "decades", "DURATION", "PXDE", ""},
	{thu, "He was held for 90 days.", "90 days", "DURATION", "P90D", ""},
	{thu, "They signed a two-year contract.", "two-year", "DURATION", "P2Y", ""},
	{thu, "The talks lasted 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M", ""},
	{thu, "Both sides agreed to a 30-day ceasefire.", "30-day", "DURATION", "P30D", ""},
	{thu, "The siege lasted several weeks.", "several weeks", "DURATION", "PXW", ""},
	{thu, "Within a few days the army withdrew.", "a few days", "DURATION", "PXD", ""},
	{thu, "The visit lasted a couple of hours.", "a couple of hours", "DURATION", "PT2H", ""},
	{thu, "Prices rose over the past two years.", "the past two years", "DURATION", "P2Y", ""},
	{thu, "In the first nine months, profit rose.", "the first nine months", "DURATION", "P9M", ""},
	{thu, "The truce held for nearly two months.", "nearly two months", "DURATION", "P2M", ""},
	{thu, "Talks lasted more than four hours.", "more than four hours", "DURATION", "PT4H", ""},
	{thu, "The strike lasted 45 minutes.", "45 minutes", "DURATION", "PT45M", ""},
	{thu, "He served a 10-year sentence.", "10-year", "DURATION", "P10Y", ""},
	{thu, "The debate lasted twenty-four hours.", "twenty-four hours", "DURATION", "PT24H", ""},
	{thu, "The reform will take the next few years.", "the next few years", "DURATION", "PXY", ""},
	{thu, "It has been the case for centuries.", "centuries", "DURATION", "PXCE", ""},
	{thu, "Sales in the past year rose.", "the past year", "DURATION", "P1Y", ""},
	{thu, "Parliament imposed a six-month moratorium.", "six-month", "DURATION", "P6M", ""},
	{thu, "The talks took a week.", "a week", "DURATION", "P1W", ""},
	{thu, "Detainees may be held for at least 72 hours.", "at least 72 hours", "DURATION", "PT72H", ""},
	{thu, "It was the end of a decade-long war.", "decade-long", "DURATION", "P10Y", ""},
	{thu, "Shares fell for three straight days.", "three straight days", "DURATION", "P3D", ""},
	{thu, "The nine months to September were hard.", "The nine months", "DURATION", "P9M", ""},
	{thu, "The ban lasted twenty five years.", "twenty five years", "DURATION", "P25Y", ""},
	// ---- sets
	{thu, "The council meets every week.", "every week", "SET", "P1W", ""},
	{thu, "The magazine appears weekly.", "weekly", "SET", "P1W", ""},
	{thu, "The fee is paid annually.", "annually", "SET", "P1Y", ""},
	{thu, "Patrols run daily.", "daily", "SET", "P1D", ""},
	{thu, "The committee meets each month.", "each month", "SET", "P1M", ""},
	{thu, "Elections are held every four years.", "every four years", "SET", "P4Y", ""},
	{thu, "The market opens each Thursday.", "each Thursday", "SET", "XXXX-WXX-4", ""},
	{thu, "The shop closes on Sundays.", "Sundays", "SET", "XXXX-WXX-7", ""},
	{thu, "The festival is held every July.", "every July", "SET", "XXXX-07", ""},
	{thu, "Prices rise 5 percent a year.", "a year", "SET", "P1Y", ""},
	{thu, "The ferry runs every other day.", "every other day", "SET", "P2D", ""},
	{thu, "Inspections take place every morning.", "every morning", "SET", "XXXX-XX-XXTMO", ""},
	{thu, "Guards are paid hourly.", "hourly", "SET", "PT1H", ""},
	// ---- vague references
	{thu, "The situation is now calm.", "now", "DATE", "PRESENT_REF", ""},
	{thu, "The ministry recently warned of shortages.", "recently", "DATE", "PAST_REF", ""},
	{thu, "Relations worsened in recent years.", "recent years", "DATE", "PAST_REF", ""},
	{thu, "Washington has been driving ties to a dead end in the recent years.", "the recent years", "DATE", "PAST_REF", ""},
	{thu, "Prices will rise in the future.", "the future", "DATE", "FUTURE_REF", ""},
	{thu, "The region suffered in the past.", "the past", "DATE", "PAST_REF", ""},
	{thu, "The army is currently deployed.", "currently", "DATE", "PRESENT_REF", ""},
	{thu, "Tensions are high these days.", "these days", "DATE", "PRESENT_REF", ""},
	{thu, "Talks will resume in the near future.", "the near future", "DATE", "FUTURE_REF", ""},
	{thu, "Right now, the talks are stalled.", "Right now", "DATE", "PRESENT_REF", ""},
	// ---- holidays
	{thu, "The troops came home for Christmas.", "Christmas", "DATE", "2020-12-25", ""},
	{thu, "Pilgrims gathered on Easter Sunday.", "Easter Sunday", "DATE", "2021-04-04", ""},
	{"2021-11-20", "Stores will open on Thanksgiving.", "Thanksgiving", "DATE", "2021-11-25", ""},
	// ---- year boundaries
	{"2021-01-04", "The attack happened on Dec. 28.", "Dec. 28", "DATE", "2020-12-28", ""},
	{"2021-01-04", "Officials said on Friday.", "Friday", "DATE", "2021-01-01", ""},
	{"2020-12-30", "The law takes effect on Jan. 1.", "Jan. 1", "DATE", "2021-01-01", ""},
	{"2020-12-30", "The talks will resume on Monday.", "Monday", "DATE", "2021-01-04", ""},
	{"2021-01-04", "Exports fell last month.", "last month", "DATE", "2020-12", ""},
	{"2021-01-04", "Inflation rose last year.", "last year", "DATE", "2020", ""},
	{"2021-01-04", "Exports fell last week.", "last week", "DATE", "2020-W53", ""},
	{"2021-01-01", "Growth slowed in the fourth quarter.", "the fourth quarter", "DATE", "2020-Q4", ""},
	{"2021-01-04", "Prices fell yesterday.", "yesterday", "DATE", "2021-01-03", ""},
	{"2020-12-31", "The new rules take effect tomorrow.", "tomorrow", "DATE", "2021-01-01", ""},
	{"2020-12-31", "The rules were adopted in December.", "December", "DATE", "2020-12", ""},
	{"2021-01-02", "The rules were adopted in December.", "December", "DATE", "2020-12", ""},
	{"2020-12-28", "The summit will open in January.", "January", "DATE", "2021-01", ""},
	{"2020-12-28", "Officials will meet next week.", "next week", "DATE", "2021-W01", ""},
	// ---- leap days
	{"2020-03-01", "The bill was passed yesterday.", "yesterday", "DATE", "2020-02-29", ""},
	{"2021-03-01", "The bill was passed yesterday.", "yesterday", "DATE", "2021-02-28", ""},
	{thu, "The deal was signed on Feb. 29.", "Feb. 29", "DATE", "2020-02-29", ""},
	{"2024-02-29", "He left a month ago.", "a month ago", "DATE", "2024-01", ""},
	{"2024-02-29", "The offices reopened today.", "today", "DATE", "2024-02-29", ""},
	{"2024-03-01", "Officials met on February 29.", "February 29", "DATE", "2024-02-29", ""},
	{"2020-02-28", "The talks resume tomorrow.", "tomorrow", "DATE", "2020-02-29", ""},
	{"2024-02-29", "The treaty will be renewed next year.", "next year", "DATE", "2025", ""},
	{thu, "The decree was dated February 29, 2020.", "February 29, 2020", "DATE", "2020-02-29", ""},
	// ---- no anchor
	{"", "The embassy said on Wednesday.", "Wednesday", "DATE", "XXXX-WXX-3", ""},
	{"", "Prices rose yesterday.", "yesterday", "DATE", "XXXX-XX-XX", ""},
	{"", "Talks resume on March 20.", "March 20", "DATE", "XXXX-03-20", ""},
	{"", "Sales fell last year.", "last year", "DATE", "XXXX", ""},
	{"", "The plant opened in 1987.", "1987", "DATE", "1987", ""},
	{"", "The war lasted three years.", "three years", "DURATION", "P3Y", ""},
	{"", "The talks opened on March 3. The next day, they collapsed.", "The next day", "DATE", "XXXX-XX-XX", ""},
	// ---- more forms
	{thu, "Prices fell in recent weeks.", "recent weeks", "DURATION", "PXW", ""},
	{thu, "The pilot called a minute and a half later.", "a minute and a half", "DURATION", "PT1M30S", ""},
	{thu, "The rebels retreated in June last year.", "June last year", "DATE", "2020-06", ""},
	{thu, "The bomb exploded in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996", ""},
	{thu, "The group split in mid-1996.", "mid-1996", "DATE", "1996", ""},
	{thu, "Numbers dropped through the nineties.", "the nineties", "DATE", "199", ""},
	{thu, "Sales for the year ended June 30 rose.", "the year", "DURATION", "P1Y", ""},
	{thu, "Troops will leave by the end of the month.", "the end of the month", "DATE", "2021-03", ""},
	{thu, "The vote was postponed until Monday.", "Monday", "DATE", "2021-03-22", ""},
	{thu, "The move follows Tuesday's declaration by the ministry.", "Tuesday", "DATE", "2021-03-16", ""},
	{thu, "Protesters planned a large demonstration on Saturday.", "Saturday", "DATE", "2021-03-20", ""},
	{thu, "Protesters prayed on Sunday.", "Sunday", "DATE", "2021-03-14", ""},
	{thu, "Profit rose 5% in the third quarter from the year-ago third quarter.", "the year-ago third quarter", "DATE", "2019-Q3", ""},
	{thu, "The leaders could meet as early as Tuesday.", "Tuesday", "DATE", "2021-03-23", ""},
	{thu, "NATO has decided to admit Sweden in early May.", "early May", "DATE", "2021-05", ""},
	{"2020-11-02", "The talks, scheduled for 1000 GMT on Wednesday, will last three days.", "1000 GMT", "TIME", "2020-11-04T10:00", ""},
	{"2020-11-02", "The talks, scheduled for 1000 GMT on Wednesday, will last three days.", "Wednesday", "DATE", "2020-11-04", ""},
	{"2020-11-02", "The talks, scheduled for 1000 GMT on Wednesday, will last three days.", "three days", "DURATION", "P3D", ""},
	{"2020-11-02", "Russia said on Monday it would hold talks next week.", "Monday", "DATE", "2020-11-02", ""},
	// ---- financial focus: the latest quarter, the quarter ended ...
	{"1989-11-02", "Profit rose in the third quarter. The quake will result in a fourth-quarter charge. Earnings fell in the latest quarter.", "the latest quarter", "DATE", "1989-Q3", ""},
	{"1989-11-02", "Profit rose in the third quarter. The quake will result in a fourth-quarter charge. A year ago, profit fell.", "A year ago", "DATE", "1988-Q3", ""},
	{"1989-11-02", "Ralston reported a decline in fourth-quarter earnings. Sales in the latest period rose.", "the latest period", "DATE", "1989-Q4", ""},
	{"1989-11-02", "Sales in the latest quarter rose 5%.", "the latest quarter", "DATE", "1989-Q3", ""},
	{"1989-10-30", "In the quarter ended July 31, Jayark had 5.6 million shares.", "the quarter", "DATE", "1989-Q2", ""},
	{"1989-10-30", "Sales rose in the quarter ended Sept. 30.", "the quarter", "DATE", "1989-Q3", ""},
	{"1989-10-30", "Sales rose in the quarter ended Sept. 30.", "Sept. 30", "DATE", "1989-09-30", ""},
	{"1989-10-26", "Sun earned $5 million in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose.", "the quarter", "DATE", "1989-Q1", ""},
	{"1989-10-26", "Profit rose in the third quarter. In the latest nine months, revenue was 45% of the total, compared with 40% a year earlier.", "a year earlier", "DATE", "1988", ""},
	{"1989-10-26", "Profit rose in the third quarter. Revenue was 45% of the total, compared with 40% a year earlier.", "a year earlier", "DATE", "1988-Q3", ""},
	{"1989-10-26", "Profit rose in the third quarter. Net for the year-earlier nine months included a gain.", "the year-earlier nine months", "DURATION", "P9M", ""},
	{"1989-11-01", "The loss in the third quarter compares with a profit for the corresponding period last year.", "the corresponding period last year", "DATE", "1988-Q3", ""},
	{"1989-11-01", "Sales fell in the third quarter from the comparable year-ago quarter.", "the comparable year-ago quarter", "DATE", "1988-Q3", ""},
	{"1989-11-01", "Sales fell in the third quarter from the same quarter a year ago.", "the same quarter a year ago", "DATE", "1988-Q3", ""},
	{thu, "The war began in 2014. Later that year, a truce was signed.", "Later that year", "DATE", "2014", ""},
	// ---- the sentence's verb governs when the clause has none
	{"1989-10-26", "Sun said it earned $5.2 million, or seven cents a share, in the fiscal first quarter.", "the fiscal first quarter", "DATE", "1989-Q1", ""},
	{"1989-11-02", "Mr. Taylor, the founder, stepped down as chairman, president and chief executive in March.", "March", "DATE", "1989-03", ""},
	// ---- the coming month stays ahead whatever the tense
	{"1990-08-16", "Iraq warned oil companies of a cutback in its supply in September.", "September", "DATE", "1990-09", ""},
	{"1990-08-16", "Iraq cut its supply in July.", "July", "DATE", "1990-07", ""},
	{"1990-08-16", "Iraq cut its supply in October.", "October", "DATE", "1989-10", ""},
	// ---- dates of the document itself: payable, effective, of record
	{"1989-10-27", "The board declared a dividend, payable Dec. 7 to stock of record Nov. 22.", "Dec. 7", "DATE", "1989-12-07", ""},
	{"1989-10-27", "The board declared a dividend, payable Dec. 7 to stock of record Nov. 22.", "Nov. 22", "DATE", "1989-11-22", ""},
	{"1989-10-26", "The company also created an office of the chairman, effective Feb. 1.", "Feb. 1", "DATE", "1990-02-01", ""},
	{"1989-10-26", "The company named a new chairman, effective Oct. 1.", "Oct. 1", "DATE", "1989-10-01", ""},
	// ---- anaphoric weekdays: the previous Friday, the following Monday
	{"1989-10-30", "The index fell on Friday, down 4.5% from the previous Friday.", "the previous Friday", "DATE", "1989-10-20", ""},
	{"1989-10-30", "The index fell on Friday, down 4.5% from the previous Friday.", "Friday", "DATE", "1989-10-27", ""},
	{thu, "The talks opened on March 3. The following Monday, they collapsed.", "The following Monday", "DATE", "2021-03-08", ""},
	{"", "The talks collapsed the following Monday.", "the following Monday", "DATE", "XXXX-WXX-1", ""},
	// ---- reported future counts from the speech time
	{thu, "The minister said on Monday that he would travel to Kabul on Wednesday.", "Wednesday", "DATE", "2021-03-17", ""},
	{thu, "The minister said on Monday that he would travel to Kabul on Saturday.", "Saturday", "DATE", "2021-03-20", ""},
	{thu, "The minister said on Monday that he would travel to Kabul on Wednesday.", "Monday", "DATE", "2021-03-15", ""},
	{thu, "The minister will travel to Kabul on Wednesday.", "Wednesday", "DATE", "2021-03-24", ""},
	// ---- last/next with a month and day
	{"1999-04-19", "He was shot to death last Oct. 23 at his home.", "last Oct. 23", "DATE", "1998-10-23", ""},
	{thu, "The vote was held last March 3.", "last March 3", "DATE", "2021-03-03", ""},
	{thu, "The vote will be held next March 3.", "next March 3", "DATE", "2022-03-03", ""},
	{"2021-03-01", "The law was passed last Feb. 29.", "last Feb. 29", "DATE", "2020-02-29", ""},
	// ---- parts of the reference day, clock times in words
	{"1998-03-06", "By mid afternoon, official sources said the operation was over.", "mid afternoon", "TIME", "1998-03-06TAF", ""},
	{"1989-11-02", "In London at mid-afternoon yesterday, the shares were up 2 pence.", "mid-afternoon yesterday", "TIME", "1989-11-01TAF", ""},
	{"1989-10-30", "Shares fell on Friday. Dealers placed heavy buy orders in the morning.", "the morning", "TIME", "1989-10-27TMO", ""},
	{thu, "The convoy left late afternoon Tuesday.", "late afternoon Tuesday", "TIME", "2021-03-16TAF", ""},
	{thu, "The morning session was cancelled.", "", "", "", "morning"},
	{"2000-04-05", "The father will leave at 4 in the morning, Castro said.", "4 in the morning", "TIME", "2000-04-05T04:00", ""},
	{thu, "The rally starts at 5 in the afternoon.", "5 in the afternoon", "TIME", "2021-03-18T17:00", ""},
	// ---- spoken years, fiscal years named relative to the anchor
	{"1998-02-05", "His promise to halve unemployment by the year two thousand was abandoned.", "the year two thousand", "DATE", "2000", ""},
	{thu, "The plan runs to the year two thousand and five.", "the year two thousand and five", "DATE", "2005", ""},
	{thu, "The goal is set for the year 2030.", "the year 2030", "DATE", "2030", ""},
	{thu, "Two thousand people marched.", "", "", "", "thousand"},
	{"1989-11-02", "It expects sales in the current fiscal year to rise.", "the current fiscal year", "DATE", "1989", ""},
	{"1989-11-02", "The company earned $5 million in the fiscal-first quarter.", "the fiscal-first quarter", "DATE", "1989-Q1", ""},
	// ---- more holidays (US dates where the name is American)
	{"1998-10-26", "Violence will be a theme of the campaign from now to Election Day.", "Election Day", "DATE", "1998-11-03", ""},
	{"2021-05-20", "Parades are planned for Memorial Day.", "Memorial Day", "DATE", "2021-05-31", ""},
	{"2021-08-20", "The strike will end by Labor Day.", "Labor Day", "DATE", "2021-09-06", ""},
	{thu, "Pilgrims will gather on Good Friday.", "Good Friday", "DATE", "2021-04-02", ""},
	{thu, "Shops sold out before Valentine's Day.", "Valentine's Day", "DATE", "2021-02-14", ""},
	{"2021-10-20", "Children will go out on Halloween.", "Halloween", "DATE", "2021-10-31", ""},
	{thu, "He wrote a good book on Friday.", "Friday", "DATE", "2021-03-12", ""},
	{"1998-10-26", "He said, ``Violence is a theme of our campaign from now to Election Day.'' In the debate he spoke.", "Election Day", "DATE", "1998-11-03", ""},
	{thu, "He said, ``We will meet again next week.'' The talks ended.", "next week", "DATE", "2021-W12", ""},
	// ---- "today's" meaning nowadays
	{thu, "The case is for today's youth what the blockade was for their parents.", "", "", "", "today"},
	{thu, "The chips run many of today's personal computers.", "", "", "", "today"},
	{thu, "The offer was advertised in today's editions of the newspaper.", "today", "DATE", "2021-03-18", ""},
	// ---- the last half of a year
	{"1989-10-26", "Earnings will be lower for the last half of 1989.", "the last half of 1989", "DATE", "1989-H2", ""},
	{"1989-10-26", "Volume follows the trend of the last half of the '80s.", "the '80s", "DATE", "198", ""},
	// ---- plans that lay ahead of a past time
	{"1989-10-30", "The offer had been due to expire Friday evening.", "Friday evening", "TIME", "1989-10-27TEV", ""},
	{"1989-10-30", "The bid previously had been scheduled to expire at midnight Friday.", "midnight Friday", "TIME", "1989-10-27T24:00", ""},
	{"1989-10-30", "The bid is scheduled to expire at midnight Friday.", "midnight Friday", "TIME", "1989-11-03T24:00", ""},
	// ---- a clock time with a weekday takes the verb before the clock time
	{"2000-04-05", "The father will leave at 4 a.m. EDT Thursday.", "4 a.m. EDT Thursday", "TIME", "2000-04-06T04:00", ""},
	{"2000-04-05", "The father will leave at dawn (4 a.m. EDT Thursday), Castro said.", "4 a.m. EDT Thursday", "TIME", "2000-04-06T04:00", ""},
	{"2000-04-03", "The agency extended its deadline until 9 a.m. EST Tuesday.", "9 a.m. EST Tuesday", "TIME", "2000-04-04T09:00", ""},
	// ---- until, through, by, since
	{"1999-05-07", "Until Thursday, they had not called him a suspect.", "Thursday", "DATE", "1999-05-06", ""},
	{thu, "He remained in custody until Monday.", "Monday", "DATE", "2021-03-15", ""},
	{thu, "The bank extended its deadline until Tuesday.", "Tuesday", "DATE", "2021-03-23", ""},
	{thu, "The border remains closed until Monday.", "Monday", "DATE", "2021-03-22", ""},
	{thu, "The programme runs through January.", "January", "DATE", "2022-01", ""},
	{"1989-10-30", "Banks have extended the company $90 million in revolving loans through January.", "January", "DATE", "1990-01", ""},
	{thu, "The index is up 5% since September.", "September", "DATE", "2020-09", ""},
	// ---- year-end
	{"1989-11-02", "The company expects to complete the sale by year-end.", "year-end", "DATE", "1989-12-31", ""},
	{"1989-10-30", "The index has risen 20% since year-end.", "year-end", "DATE", "1988-12-31", ""},
	{"1989-10-26", "The plan will cut 6,000 jobs by year end.", "year end", "DATE", "1989-12-31", ""},
	{"1989-10-26", "Assets will reach $13 billion by year's end.", "year's end", "DATE", "1989-12-31", ""},
	{thu, "The year-end bonus was paid in full.", "", "", "", "year-end"},
	// ---- seasons after more prepositions, "the early summer"
	{"1989-10-26", "Orders have recovered from the low levels of the early summer.", "the early summer", "DATE", "1989-SU", ""},
	{"1989-10-26", "Demand will stay strong well into the summer.", "the summer", "DATE", "1990-SU", ""},
	// ---- quotation marks glued to a word, prefixed month names
	{"1999-05-07", "``Today, I'm here to tell you we have our suspect,'' the official said.", "Today", "DATE", "1999-05-07", ""},
	{"2000-01-28", "He was taken along to make the late-November trip.", "late-November", "DATE", "1999-11", ""},
	// ---- things that are not time expressions
	{thu, "The company has 2000 employees.", "", "", "", "2000"},
	{thu, "May I ask a question?", "", "", "", "May"},
	{thu, "Troops march into the city.", "", "", "", "march"},
	{thu, "The 6-year-old boy was found.", "", "", "", "6-year-old"},
	{thu, "Now that the war is over, trade resumes.", "", "", "", "Now"},
	{thu, "A second attack followed.", "", "", "", "second"},
	{thu, "He paid $1990 for the car.", "", "", "", "1990"},
	{thu, "The bond pays a quarterly dividend.", "", "", "", "quarterly"},
	{thu, "Prices fell by 2021 points.", "", "", "", "2021"},
	{thu, "The former minister spoke.", "", "", "", "former"},
	{thu, "The talks could last weeks.", "", "", "", "last"},
	{thu, "The talks will last three days.", "", "", "", "last"},
}

func TestTimexCases(t *testing.T) {
	if len(cases) < 150 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		a := analyse(t, c.text, c.anchor)
		if c.expr == "" {
			for _, x := range a.Timexes {
				if strings.Contains(x.Text, c.absent) {
					t.Errorf("%q: %q tagged as %s %s", c.text, x.Text, x.Type, x.Value)
				}
			}
			continue
		}
		found := false
		for _, x := range a.Timexes {
			if x.Text == c.expr {
				found = true
				if x.Type != c.typ || x.Value != c.val {
					t.Errorf("%s %q: %q = %s %s, want %s %s", c.anchor, c.text, c.expr, x.Type, x.Value, c.typ, c.val)
				}
			}
		}
		if !found {
			t.Errorf("%s %q: %q not found; got %+v", c.anchor, c.text, c.expr, a.Timexes)
		}
	}
}
