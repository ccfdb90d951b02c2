//! Working days in England and Wales: weekends, bank holidays (with their
//! substitute days), Good Friday and Christmas Day are not working days.
//! Complaint response times are counted in working days.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::sort;

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of
/// Meeus, Jones and Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, month as u32, day as u32)
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The first `weekday` on or after `date`.
fn on_or_after(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - date.weekday().num_days_from_monday()) % 7;
    date + Duration::days(i64::from(ahead))
}

/// The last `weekday` on or before `date`.
fn on_or_before(date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (7 + date.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    date - Duration::days(i64::from(back))
}

/// The bank holidays of England and Wales in `year`, as the days off they
/// give (a holiday on a weekend gives a substitute weekday), earliest first.
/// Includes the one-off holidays proclaimed since 1995.
pub fn bank_holidays(year: i32) -> Vec<NaiveDate> {
    let mut days = vec![];
    // New Year's Day, or the Monday after.
    let new_year = ymd(year, 1, 1);
    days.push(if is_weekend(new_year) {
        on_or_after(new_year, Weekday::Mon)
    } else {
        new_year
    });
    let easter = easter_sunday(year);
    days.push(easter - Duration::days(2));
    days.push(easter + Duration::days(1));
    // Early May: the first Monday, moved for VE Day's 50th and 75th anniversaries.
    days.push(match year {
        1995 | 2020 => ymd(year, 5, 8),
        _ => on_or_after(ymd(year, 5, 1), Weekday::Mon),
    });
    // Spring: the last Monday of May, moved for the jubilees.
    match year {
        2002 => days.extend([ymd(2002, 6, 3), ymd(2002, 6, 4)]),
        2012 => days.extend([ymd(2012, 6, 4), ymd(2012, 6, 5)]),
        2022 => days.extend([ymd(2022, 6, 2), ymd(2022, 6, 3)]),
        _ => days.push(on_or_before(ymd(year, 5, 31), Weekday::Mon)),
    }
    days.push(on_or_before(ymd(year, 8, 31), Weekday::Mon));
    // Christmas and Boxing Day, with substitutes after a weekend.
    let christmas = ymd(year, 12, 25);
    match christmas.weekday() {
        Weekday::Fri => days.extend([christmas, ymd(year, 12, 28)]),
        Weekday::Sat => days.extend([ymd(year, 12, 27), ymd(year, 12, 28)]),
        Weekday::Sun => days.extend([ymd(year, 12, 26), ymd(year, 12, 27)]),
        _ => days.extend([christmas, ymd(year, 12, 26)]),
    }
    // One-off holidays.
    match year {
        1999 => days.push(ymd(1999, 12, 31)),
        2011 => days.push(ymd(2011, 4, 29)),
        2022 => days.push(ymd(2022, 9, 19)),
        2023 => days.push(ymd(2023, 5, 8)),
        _ => {}
    }
    sort::ascending(&mut days);
    days
}

/// Whether `date` is a working day in England and Wales.
pub fn is_working_day(date: NaiveDate) -> bool {
    !is_weekend(date) && !bank_holidays(date.year()).contains(&date)
}

/// The working days after `start` up to and including `end`: a reply on the
/// next working day took 1. Zero when `end` is not after `start`. Counted in
/// closed form (weekdays by arithmetic, less the bank holidays between), so
/// the time taken does not grow with the days between.
pub fn working_days_between(start: NaiveDate, end: NaiveDate) -> u32 {
    if end <= start {
        return 0;
    }
    let holidays = (start.year()..=end.year())
        .flat_map(bank_holidays)
        .filter(|d| *d > start && *d <= end && !is_weekend(*d))
        .count() as i64;
    u32::try_from(weekdays_to(end) - weekdays_to(start) - holidays).unwrap_or(u32::MAX)
}

/// Weekdays from a fixed Monday up to and including `date` (negative before it).
fn weekdays_to(date: NaiveDate) -> i64 {
    const MONDAY: NaiveDate = match NaiveDate::from_ymd_opt(1990, 1, 1) {
        Some(d) => d,
        None => NaiveDate::MIN,
    };
    let days = (date - MONDAY).num_days();
    days.div_euclid(7) * 5 + (days.rem_euclid(7) + 1).min(5)
}

/// The date `days` working days after `start`: the deadline of a timescale.
pub fn add_working_days(start: NaiveDate, days: u32) -> NaiveDate {
    let mut date = start;
    let mut left = days;
    while left > 0 {
        date += Duration::days(1);
        if is_working_day(date) {
            left -= 1;
        }
    }
    date
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counted one day at a time: what the closed form must agree with.
    fn counted(start: NaiveDate, end: NaiveDate) -> u32 {
        start
            .iter_days()
            .skip(1)
            .take_while(|d| *d <= end)
            .filter(|d| is_working_day(*d))
            .count() as u32
    }

    #[test]
    fn working_days_in_closed_form_agree_with_counting_each_day() {
        assert_eq!(
            weekdays_to(d("1990-01-01")),
            1,
            "1 January 1990 is a Monday"
        );
        let mut seed: u64 = 0x00c0_ffee;
        for _ in 0..2_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let start = d("1989-06-01") + Duration::days((seed % 40_000) as i64);
            let end = start + Duration::days(((seed >> 20) % 800) as i64 - 30);
            assert_eq!(
                working_days_between(start, end),
                counted(start, end),
                "{start} to {end}"
            );
        }
        // A century of days is counted at once, not day by day.
        let century = working_days_between(d("1990-01-01"), d("2100-12-31"));
        assert_eq!(century, counted(d("1990-01-01"), d("2100-12-31")));
    }

    fn d(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    #[test]
    fn easter_falls_where_the_almanacs_put_it() {
        for (year, date) in [
            (2015, "2015-04-05"),
            (2016, "2016-03-27"),
            (2018, "2018-04-01"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(easter_sunday(year), d(date), "{year}");
        }
    }

    #[test]
    fn the_2019_and_2020_bank_holidays_match_the_published_lists() {
        let list = |year| {
            bank_holidays(year)
                .iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            list(2019),
            [
                "2019-01-01",
                "2019-04-19",
                "2019-04-22",
                "2019-05-06",
                "2019-05-27",
                "2019-08-26",
                "2019-12-25",
                "2019-12-26"
            ]
        );
        // VE Day moved the early May holiday to Friday 8 May; Boxing Day on a
        // Saturday gave Monday 28 December.
        assert_eq!(
            list(2020),
            [
                "2020-01-01",
                "2020-04-10",
                "2020-04-13",
                "2020-05-08",
                "2020-05-25",
                "2020-08-31",
                "2020-12-25",
                "2020-12-28"
            ]
        );
    }

    #[test]
    fn weekend_holidays_give_substitute_days_and_one_offs_are_kept() {
        // Christmas 2021 on a Saturday: Monday 27 and Tuesday 28 December.
        let h2021 = bank_holidays(2021);
        assert!(h2021.contains(&d("2021-12-27")) && h2021.contains(&d("2021-12-28")));
        assert!(!h2021.contains(&d("2021-12-25")));
        // New Year's Day 2022 on a Saturday: Monday 3 January.
        assert!(bank_holidays(2022).contains(&d("2022-01-03")));
        // The Platinum Jubilee, the State Funeral and the Coronation.
        let h2022 = bank_holidays(2022);
        for day in ["2022-06-02", "2022-06-03", "2022-09-19"] {
            assert!(h2022.contains(&d(day)), "{day}");
        }
        assert!(
            !h2022.contains(&d("2022-05-30")),
            "spring holiday moved to June"
        );
        assert!(bank_holidays(2023).contains(&d("2023-05-08")));
        assert!(bank_holidays(2011).contains(&d("2011-04-29")));
    }

    #[test]
    fn working_days_skip_weekends_bank_holidays_good_friday_and_christmas() {
        // Thursday 18 April 2019 to Wednesday 24 April: Good Friday, the
        // weekend and Easter Monday are skipped: Tuesday and Wednesday count.
        assert_eq!(working_days_between(d("2019-04-18"), d("2019-04-24")), 2);
        assert_eq!(working_days_between(d("2019-04-18"), d("2019-04-18")), 0);
        assert_eq!(working_days_between(d("2019-04-24"), d("2019-04-18")), 0);
        // Across the year end: Monday 23 December 2019 to Friday 3 January
        // 2020: 24, 27, 30, 31 December and 2, 3 January.
        assert_eq!(working_days_between(d("2019-12-23"), d("2020-01-03")), 6);
        // Across the financial year end, Friday 29 March to Friday 5 April 2019.
        assert_eq!(working_days_between(d("2019-03-29"), d("2019-04-05")), 5);
    }

    #[test]
    fn a_deadline_counts_forward_in_working_days() {
        // 10 working days from Monday 16 December 2019 (stage 1 of the
        // children's procedure): 17-20, 23, 24, 27, 30, 31 Dec, 2 Jan.
        assert_eq!(add_working_days(d("2019-12-16"), 10), d("2020-01-02"));
        assert_eq!(add_working_days(d("2019-12-16"), 0), d("2019-12-16"));
        // From Maundy Thursday 2019: Good Friday and Easter Monday are
        // skipped, so 5 working days land on Monday 29 April.
        assert_eq!(add_working_days(d("2019-04-18"), 5), d("2019-04-29"));
        for start in ["2019-12-16", "2019-04-18", "2020-05-07"] {
            let end = add_working_days(d(start), 7);
            assert_eq!(working_days_between(d(start), end), 7, "from {start}");
        }
    }
}
