package timex

import (
	"fmt"
	"strings"
	"time"
)

// gran is the granularity of a calendar point, from coarse to fine.
type gran int

const (
	gNone gran = iota
	gCentury
	gDecade
	gYear
	gHalf
	gSeason
	gQuarter
	gMonth
	gWeek
	gWeekend
	gDay
	gPartOfDay
	gClock
)

// point is a calendar point at some granularity: t is a day inside it
// (the first day of a year, quarter, month; the Monday of a week).
type point struct {
	g      gran
	t      time.Time
	season string // SP SU FA WI for gSeason
	pod    string // MO AF EV NI for gPartOfDay
	hh, mm int    // for gClock
	// xval, when set, is the value to write instead of t: a date that
	// cannot be resolved (no anchor), written with X's as TimeML does.
	xval string
}

// value writes p as a TIMEX3 value.
func (p point) value() string {
	if p.xval != "" {
		return p.xval
	}
	y, m, d := p.t.Date()
	switch p.g {
	case gCentury:
		return fmt.Sprintf("%02d", y/100)
	case gDecade:
		return fmt.Sprintf("%03d", y/10)
	case gYear:
		return fmt.Sprintf("%04d", y)
	case gHalf:
		return fmt.Sprintf("%04d-H%d", y, (int(m)-1)/6+1)
	case gSeason:
		return fmt.Sprintf("%04d-%s", y, p.season)
	case gQuarter:
		return fmt.Sprintf("%04d-Q%d", y, (int(m)-1)/3+1)
	case gMonth:
		return fmt.Sprintf("%04d-%02d", y, m)
	case gWeek, gWeekend:
		wy, w := p.t.ISOWeek()
		s := fmt.Sprintf("%04d-W%02d", wy, w)
		if p.g == gWeekend {
			s += "-WE"
		}
		return s
	case gDay:
		return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	case gPartOfDay:
		return fmt.Sprintf("%04d-%02d-%02dT%s", y, m, d, p.pod)
	case gClock:
		return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d", y, m, d, p.hh, p.mm)
	}
	return ""
}

// date returns the UTC midnight of y-m-d, normalising overflow.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// startOf returns the first day of the period of granularity g holding t.
func startOf(t time.Time, g gran) time.Time {
	y, m, _ := t.Date()
	switch g {
	case gCentury:
		return date(y/100*100, 1, 1)
	case gDecade:
		return date(y/10*10, 1, 1)
	case gYear, gSeason:
		return date(y, 1, 1)
	case gHalf:
		return date(y, (m-1)/6*6+1, 1)
	case gQuarter:
		return date(y, (m-1)/3*3+1, 1)
	case gMonth:
		return date(y, m, 1)
	case gWeek, gWeekend:
		wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
		return t.AddDate(0, 0, -wd)
	}
	return t
}

// shift moves t by n units, keeping month-end days inside the target
// month (Jan 31 + 1 month = Feb 28/29, not March 3).
func shift(t time.Time, u unit, n int) time.Time {
	switch u {
	case uDay:
		return t.AddDate(0, 0, n)
	case uWeek, uWeekend:
		return t.AddDate(0, 0, 7*n)
	case uMonth:
		return addMonths(t, n)
	case uQuarter:
		return addMonths(t, 3*n)
	case uHalf:
		return addMonths(t, 6*n)
	case uYear:
		return addMonths(t, 12*n)
	case uDecade:
		return addMonths(t, 120*n)
	case uCentury:
		return addMonths(t, 1200*n)
	}
	return t
}

func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := date(y, m+time.Month(n), 1)
	last := first.AddDate(0, 1, -1).Day()
	if d > last {
		d = last
	}
	return date(first.Year(), first.Month(), d)
}

// unitGran is the granularity of a calendar point named by a unit.
func unitGran(u unit) gran {
	switch u {
	case uDay, uHour, uMinute, uSecond:
		return gDay
	case uWeek:
		return gWeek
	case uWeekend:
		return gWeekend
	case uMonth:
		return gMonth
	case uQuarter:
		return gQuarter
	case uHalf:
		return gHalf
	case uYear:
		return gYear
	case uDecade:
		return gDecade
	case uCentury:
		return gCentury
	}
	return gNone
}

// unknownValue is the TimeML value of an unresolvable point of
// granularity g ("XXXX-XX-XX" for a day).
func unknownValue(g gran) string {
	switch g {
	case gCentury:
		return "XX"
	case gDecade:
		return "XXX"
	case gYear:
		return "XXXX"
	case gQuarter:
		return "XXXX-QX"
	case gHalf:
		return "XXXX-HX"
	case gSeason:
		return "XXXX-XX"
	case gMonth:
		return "XXXX-XX"
	case gWeek:
		return "XXXX-WXX"
	case gWeekend:
		return "XXXX-WXX-WE"
	case gDay, gPartOfDay, gClock:
		return "XXXX-XX-XX"
	}
	return "XXXX"
}

// durationValue writes a TIMEX3 duration of n units; n < 0 means an
// unknown number (PXY). half adds half a unit (2 1/2 years = P2Y6M).
func durationValue(n int, u unit, half bool) string {
	num := "X"
	if n >= 0 {
		num = fmt.Sprint(n)
	}
	var b strings.Builder
	b.WriteByte('P')
	switch u {
	case uSecond, uMinute, uHour:
		b.WriteByte('T')
	}
	switch u {
	case uSecond:
		b.WriteString(num + "S")
	case uMinute:
		b.WriteString(num + "M")
		if half && n >= 0 {
			b.WriteString("30S")
		}
	case uHour:
		b.WriteString(num + "H")
		if half && n >= 0 {
			b.WriteString("30M")
		}
	case uDay:
		b.WriteString(num + "D")
		if half && n >= 0 {
			b.WriteString("T12H")
		}
	case uWeek, uWeekend:
		if u == uWeekend && n >= 0 {
			b.WriteString(fmt.Sprint(2*n) + "D")
		} else {
			b.WriteString(num + "W")
		}
	case uMonth:
		b.WriteString(num + "M")
	case uQuarter:
		b.WriteString(num + "Q")
	case uHalf:
		if n >= 0 {
			b.WriteString(fmt.Sprint(6*n) + "M")
		} else {
			b.WriteString("XM")
		}
	case uYear:
		b.WriteString(num + "Y")
		if half && n >= 0 {
			b.WriteString("6M")
		}
	case uDecade:
		if n >= 0 {
			b.WriteString(fmt.Sprint(10*n) + "Y")
		} else {
			b.WriteString("XDE")
		}
	case uCentury:
		if n >= 0 {
			b.WriteString(fmt.Sprint(100*n) + "Y")
		} else {
			b.WriteString("XCE")
		}
	case uMillennium:
		if n >= 0 {
			b.WriteString(fmt.Sprint(1000*n) + "Y")
		} else {
			b.WriteString("XML")
		}
	}
	return b.String()
}
