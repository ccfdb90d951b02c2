//! A complaints case list (CSV, one row per complaint) read, checked and
//! summed into the yearly figures, with response times in working days
//! against each procedure's timescale.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};

use crate::complaints::calendar::working_days_between;
use crate::dates::read_date;
use crate::domain::complaints::{
    ComplaintsYear, LabelledCount, Outcome, OutcomeCount, Procedure, StageCount,
};
use crate::domain::period::Period;
use crate::indicators::csv::{parse_rows, CsvError};

/// How long a procedure allows at a stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timescale {
    /// Working days for a response: the usual limit, and the furthest it
    /// may be extended (the same where no extension is allowed).
    WorkingDays { usual: u32, longest: u32 },
    /// Calendar months: adult social care's outer limit.
    Months(u32),
}

impl Timescale {
    /// "10 working days (up to 20)", "6 months".
    pub fn describe(self) -> String {
        match self {
            Timescale::WorkingDays { usual, longest } if usual == longest => {
                format!("{usual} working days")
            }
            Timescale::WorkingDays { usual, longest } => {
                format!("{usual} working days (up to {longest})")
            }
            Timescale::Months(n) => format!("{n} months"),
        }
    }

    /// Whether a response on `responded` to a complaint received on
    /// `received` went beyond the longest time allowed.
    pub fn exceeded(self, received: NaiveDate, responded: NaiveDate) -> bool {
        match self {
            Timescale::WorkingDays { longest, .. } => {
                working_days_between(received, responded) > longest
            }
            Timescale::Months(n) => received
                .checked_add_months(Months::new(n))
                .is_some_and(|limit| responded > limit),
        }
    }
}

/// The timescale of `procedure` at `stage`, where one is set: the
/// Children Act 1989 procedure (stage 1 10 working days, up to 20; stage 2
/// 25, up to 65), the Ombudsman's code for other complaints (stage 1 10,
/// stage 2 20), and adult social care's 6 months.
pub fn timescale(procedure: Procedure, stage: u8) -> Option<Timescale> {
    use Procedure::*;
    let days = |usual, longest| Some(Timescale::WorkingDays { usual, longest });
    match (procedure, stage) {
        (AdultSocialCare, _) => Some(Timescale::Months(6)),
        (ChildrenStatutory, 1) => days(10, 20),
        (ChildrenStatutory, 2) => days(25, 65),
        (ChildrenNonStatutory | Corporate, 1) => days(10, 10),
        (ChildrenNonStatutory | Corporate, 2) => days(20, 20),
        _ => None,
    }
}

/// A procedure's timescales in words: "6 months" where every stage has the
/// same, otherwise each stage's: "stage 1: 10 working days (up to 20);
/// stage 2: 25 working days (up to 65)".
pub fn timescales_text(procedure: Procedure) -> String {
    let (first, second) = (timescale(procedure, 1), timescale(procedure, 2));
    match (first, second) {
        (Some(a), Some(b)) if a == b => a.describe(),
        _ => [(1, first), (2, second)]
            .into_iter()
            .filter_map(|(stage, t)| t.map(|t| format!("stage {stage}: {}", t.describe())))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// One complaint from a case list.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub reference: String,
    pub procedure: Procedure,
    pub received: NaiveDate,
    pub stage: u8,
    pub category: Option<String>,
    pub outcome: Outcome,
    pub acknowledged: Option<NaiveDate>,
    pub responded: Option<NaiveDate>,
}

impl Case {
    /// Working days from receipt to response, where it has been answered.
    pub fn working_days(&self) -> Option<u32> {
        self.responded
            .map(|r| working_days_between(self.received, r))
    }

    /// Whether the response went beyond the procedure's timescale; `None`
    /// while unanswered or where the stage has no timescale.
    pub fn exceeded(&self) -> Option<bool> {
        let t = timescale(self.procedure, self.stage)?;
        Some(t.exceeded(self.received, self.responded?))
    }
}

/// The financial year a date falls in.
pub fn financial_year(date: NaiveDate) -> Period {
    let start_year = if date.month() >= 4 {
        date.year()
    } else {
        date.year() - 1
    };
    Period::FinancialYear { start_year }
}

const COLUMNS: [&str; 8] = [
    "reference",
    "procedure",
    "received",
    "stage",
    "category",
    "outcome",
    "acknowledged",
    "responded",
];

fn read_procedure(text: &str) -> Option<Procedure> {
    let t = text.trim().to_lowercase().replace(['\'', '\u{2019}'], "");
    Some(match t.as_str() {
        "adult" | "adults" | "adult social care" | "asc" | "adult_social_care" => {
            Procedure::AdultSocialCare
        }
        "children statutory"
        | "childrens statutory"
        | "childrens social care"
        | "csc"
        | "children_statutory" => Procedure::ChildrenStatutory,
        "children non-statutory" | "childrens non-statutory" | "children_non_statutory" => {
            Procedure::ChildrenNonStatutory
        }
        "corporate" => Procedure::Corporate,
        _ => return None,
    })
}

fn read_outcome(text: &str) -> Option<Outcome> {
    let t = text.trim().to_lowercase();
    Some(match t.as_str() {
        "upheld" => Outcome::Upheld,
        "partly upheld" | "partially upheld" | "part upheld" => Outcome::PartlyUpheld,
        "not upheld" => Outcome::NotUpheld,
        "withdrawn" => Outcome::Withdrawn,
        "early resolution" | "signposted" | "early resolution or signposted" => {
            Outcome::EarlyResolution
        }
        "" | "open" | "still open" => Outcome::StillOpen,
        _ => return None,
    })
}

/// Reads a case list. Columns are found by header name (any order):
/// reference, procedure, received, stage, category, outcome, acknowledged,
/// responded. Every row is checked; any fault refuses the whole file, and
/// each is named by row and column.
pub fn read_cases(text: &str) -> Result<Vec<Case>, Vec<CsvError>> {
    let rows = parse_rows(text).map_err(|e| vec![e])?;
    let Some((header, body)) = rows.split_first() else {
        return Err(vec![CsvError {
            row: 1,
            column: None,
            message: "the file is empty: it needs a header row and one row per complaint".into(),
        }]);
    };
    let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let at = |name: &str| names.iter().position(|h| h == name);
    let missing: Vec<&str> = ["reference", "procedure", "received", "stage"]
        .into_iter()
        .filter(|c| at(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(vec![CsvError {
            row: 1,
            column: None,
            message: format!(
                "the header row has no {} column: the columns are {}",
                missing.join(", "),
                COLUMNS.join(", ")
            ),
        }]);
    }
    let mut errors = vec![];
    let mut cases = vec![];
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, row) in body.iter().enumerate() {
        let number = i + 2;
        let cell = |name: &str| {
            at(name)
                .and_then(|c| row.get(c))
                .map(|s| s.trim())
                .unwrap_or("")
        };
        let mut fault = |column: &'static str, message: String| {
            errors.push(CsvError {
                row: number,
                column: Some(column),
                message,
            })
        };
        let reference = cell("reference").to_owned();
        if reference.is_empty() {
            fault("reference", "the complaint has no reference".into());
        } else if let Some(first) = seen.insert(reference.clone(), number) {
            fault(
                "reference",
                format!("{reference} is also on row {first}: each complaint once"),
            );
        }
        let procedure = read_procedure(cell("procedure"));
        if procedure.is_none() {
            fault(
                "procedure",
                format!(
                    "\u{201c}{}\u{201d} is not a procedure: write adult social care, children statutory, children non-statutory or corporate",
                    cell("procedure")
                ),
            );
        }
        let mut date = |column: &'static str, required: bool| -> Option<NaiveDate> {
            let text = cell(column);
            if text.is_empty() {
                if required {
                    fault(column, "the date is missing".into());
                }
                return None;
            }
            let parsed = read_date(text);
            if parsed.is_none() {
                fault(column, format!("\u{201c}{text}\u{201d} is not a date: write it as 31/10/2019 or 2019-10-31"));
            }
            parsed
        };
        let received = date("received", true);
        let acknowledged = date("acknowledged", false);
        let responded = date("responded", false);
        let stage = match cell("stage").parse::<u8>() {
            Ok(s) if s <= 3 => Some(s),
            _ => {
                fault(
                    "stage",
                    format!(
                        "\u{201c}{}\u{201d} is not a stage: 0 (early resolution), 1, 2 or 3",
                        cell("stage")
                    ),
                );
                None
            }
        };
        let outcome = read_outcome(cell("outcome"));
        if outcome.is_none() {
            fault(
                "outcome",
                format!(
                    "\u{201c}{}\u{201d} is not an outcome: upheld, partly upheld, not upheld, withdrawn, early resolution, or blank while open",
                    cell("outcome")
                ),
            );
        }
        if let (Some(r), Some(done)) = (received, responded) {
            if done < r {
                fault(
                    "responded",
                    format!("the response ({done}) is before the complaint was received ({r})"),
                );
            }
        }
        if let (Some(r), Some(ack)) = (received, acknowledged) {
            if ack < r {
                fault(
                    "acknowledged",
                    format!(
                        "the acknowledgement ({ack}) is before the complaint was received ({r})"
                    ),
                );
            }
        }
        if outcome.is_some_and(|o| o != Outcome::StillOpen)
            && responded.is_none()
            && cell("responded").is_empty()
        {
            fault(
                "responded",
                "a closed complaint needs the date of its response".into(),
            );
        }
        if let (Some(procedure), Some(received), Some(stage), Some(outcome)) =
            (procedure, received, stage, outcome)
        {
            let category = Some(cell("category").to_owned()).filter(|c| !c.is_empty());
            cases.push(Case {
                reference,
                procedure,
                received,
                stage,
                category,
                outcome,
                acknowledged,
                responded,
            });
        }
    }
    if body.is_empty() {
        errors.push(CsvError {
            row: 2,
            column: None,
            message: "there are no complaints below the header row".into(),
        });
    }
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(errors)
    }
}

fn bump<K: Ord>(map: &mut BTreeMap<K, u32>, key: K) {
    *map.entry(key).or_insert(0) += 1;
}

/// The yearly figures of a case list: one record per financial year (of
/// receipt) and procedure, earliest first.
pub fn aggregate(cases: &[Case]) -> Vec<ComplaintsYear> {
    let mut groups: BTreeMap<(i32, Procedure), Vec<&Case>> = BTreeMap::new();
    for case in cases {
        let Period::FinancialYear { start_year } = financial_year(case.received) else {
            continue;
        };
        groups
            .entry((start_year, case.procedure))
            .or_default()
            .push(case);
    }
    groups
        .into_iter()
        .map(|((start_year, procedure), list)| {
            let mut year = ComplaintsYear::new(Period::FinancialYear { start_year }, procedure);
            let mut stages = BTreeMap::new();
            let mut outcomes = BTreeMap::new();
            let mut categories: BTreeMap<String, u32> = BTreeMap::new();
            let mut exceeded = 0;
            let mut timed = 0;
            for case in &list {
                bump(&mut stages, case.stage);
                bump(&mut outcomes, case.outcome);
                if let Some(c) = &case.category {
                    bump(&mut categories, c.clone());
                }
                if let Some(over) = case.exceeded() {
                    timed += 1;
                    if over {
                        exceeded += 1;
                    }
                }
            }
            year.received = Some(list.len() as u32);
            year.stages = stages.into_iter().map(|(stage, count)| StageCount { stage, count }).collect();
            let closed = list.iter().filter(|c| c.outcome != Outcome::StillOpen).count() as u32;
            year.closed = Some(closed);
            year.outcomes = outcomes
                .into_iter()
                .map(|(outcome, count)| OutcomeCount { outcome, count })
                .collect();
            let mut categories: Vec<LabelledCount> = categories
                .into_iter()
                .map(|(label, count)| LabelledCount { label, count })
                .collect();
            categories.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
            year.categories = categories;
            if timed > 0 {
                year.exceeded_timescale = Some(exceeded);
                year.notes.push(format!(
                    "From a case list: {exceeded} of {timed} answered complaints with a timescale exceeded it."
                ));
            }
            year
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    const GOOD: &str = "reference,procedure,received,stage,category,outcome,acknowledged,responded
C-001,children statutory,16/12/2019,1,Social work practice,partly upheld,17/12/2019,02/01/2020
C-002,children statutory,16/12/2019,1,Social work practice,upheld,17/12/2019,20/01/2020
A-001,adult social care,2019-04-01,1,Home care,not upheld,,2019-09-30
A-002,adult social care,2019-04-01,1,Home care,upheld,,2019-10-02
A-003,Adult Social Care,2019-03-29,1,Residential care,,,
K-001,corporate,02/04/2019,0,Highways,early resolution,02/04/2019,03/04/2019
";

    #[test]
    fn each_procedure_says_its_timescales_in_words() {
        assert_eq!(timescales_text(Procedure::AdultSocialCare), "6 months");
        assert_eq!(
            timescales_text(Procedure::ChildrenStatutory),
            "stage 1: 10 working days (up to 20); stage 2: 25 working days (up to 65)"
        );
        assert_eq!(
            timescales_text(Procedure::Corporate),
            "stage 1: 10 working days; stage 2: 20 working days"
        );
    }

    #[test]
    fn timescales_follow_each_procedure() {
        assert_eq!(
            timescale(Procedure::ChildrenStatutory, 1)
                .map(Timescale::describe)
                .as_deref(),
            Some("10 working days (up to 20)")
        );
        assert_eq!(
            timescale(Procedure::Corporate, 2)
                .map(Timescale::describe)
                .as_deref(),
            Some("20 working days")
        );
        assert_eq!(
            timescale(Procedure::AdultSocialCare, 1)
                .map(Timescale::describe)
                .as_deref(),
            Some("6 months")
        );
        assert_eq!(
            timescale(Procedure::ChildrenStatutory, 3),
            None,
            "the review panel"
        );
        assert_eq!(timescale(Procedure::Corporate, 0), None, "early resolution");
        // 20 working days from 16 December 2019 run to 16 January 2020
        // (10 to 2 January, past Christmas, Boxing Day and New Year's Day).
        let stage1 = timescale(Procedure::ChildrenStatutory, 1).expect("set");
        assert_eq!(
            crate::complaints::calendar::add_working_days(d("2019-12-16"), 20),
            d("2020-01-16")
        );
        assert!(!stage1.exceeded(d("2019-12-16"), d("2020-01-16")));
        assert!(stage1.exceeded(d("2019-12-16"), d("2020-01-17")));
        let adult = timescale(Procedure::AdultSocialCare, 1).expect("set");
        assert!(!adult.exceeded(d("2019-04-01"), d("2019-10-01")));
        assert!(adult.exceeded(d("2019-04-01"), d("2019-10-02")));
    }

    #[test]
    fn financial_years_start_in_april() {
        assert_eq!(financial_year(d("2019-03-31")).to_string(), "2018/19");
        assert_eq!(financial_year(d("2019-04-01")).to_string(), "2019/20");
    }

    #[test]
    fn a_case_list_is_summed_by_financial_year_and_procedure() {
        let cases = read_cases(GOOD).expect("reads");
        assert_eq!(cases.len(), 6);
        assert_eq!(
            cases[0].working_days(),
            Some(10),
            "Christmas, Boxing Day and New Year skipped"
        );
        let years = aggregate(&cases);
        let labels: Vec<String> = years
            .iter()
            .map(|y| format!("{} {}", y.year, y.procedure.label()))
            .collect();
        assert_eq!(
            labels,
            [
                "2018/19 Adult social care (statutory)",
                "2019/20 Adult social care (statutory)",
                "2019/20 Children's social care (statutory)",
                "2019/20 Corporate (non-statutory)",
            ]
        );
        let adult_2018 = &years[0];
        assert_eq!(adult_2018.received, Some(1));
        assert_eq!(adult_2018.closed, Some(0));
        assert_eq!(
            adult_2018.exceeded_timescale, None,
            "still open: not yet timed"
        );
        let adult = &years[1];
        assert_eq!(adult.received, Some(2));
        assert_eq!(
            adult.exceeded_timescale,
            Some(1),
            "2 October is past six months"
        );
        assert_eq!(
            adult.categories,
            vec![LabelledCount {
                label: "Home care".into(),
                count: 2
            }]
        );
        let children = &years[2];
        assert_eq!(
            children.exceeded_timescale,
            Some(1),
            "20 January is past 20 working days"
        );
        assert_eq!(
            children.outcomes,
            vec![
                OutcomeCount {
                    outcome: Outcome::Upheld,
                    count: 1
                },
                OutcomeCount {
                    outcome: Outcome::PartlyUpheld,
                    count: 1
                }
            ]
        );
        assert_eq!(children.stages, vec![StageCount { stage: 1, count: 2 }]);
        let corporate = &years[3];
        assert_eq!(
            corporate.exceeded_timescale, None,
            "stage 0 has no timescale"
        );
    }

    #[test]
    fn bad_rows_are_named_by_row_and_column_and_nothing_is_read() {
        let text = "reference,procedure,received,stage,category,outcome,acknowledged,responded
C-001,children statutory,16/12/2019,1,,upheld,,02/01/2020
C-001,childrens,31/02/2019,4,,lost,,
C-003,corporate,10/01/2020,1,,upheld,09/01/2020,
C-004,corporate,10/01/2020,2,,not upheld,,09/01/2020
";
        let errors = read_cases(text).expect_err("refused");
        let named: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            named,
            [
                "Row 3, column reference: C-001 is also on row 2: each complaint once",
                "Row 3, column procedure: \u{201c}childrens\u{201d} is not a procedure: write adult social care, children statutory, children non-statutory or corporate",
                "Row 3, column received: \u{201c}31/02/2019\u{201d} is not a date: write it as 31/10/2019 or 2019-10-31",
                "Row 3, column stage: \u{201c}4\u{201d} is not a stage: 0 (early resolution), 1, 2 or 3",
                "Row 3, column outcome: \u{201c}lost\u{201d} is not an outcome: upheld, partly upheld, not upheld, withdrawn, early resolution, or blank while open",
                "Row 4, column acknowledged: the acknowledgement (2020-01-09) is before the complaint was received (2020-01-10)",
                "Row 4, column responded: a closed complaint needs the date of its response",
                "Row 5, column responded: the response (2020-01-09) is before the complaint was received (2020-01-10)",
            ]
        );
        let no_columns = read_cases("ref,when\nC-1,2019-01-01\n").expect_err("refused");
        assert!(no_columns[0].to_string().starts_with(
            "Row 1: the header row has no reference, procedure, received, stage column"
        ));
        assert!(
            read_cases("reference,procedure,received,stage\n").is_err(),
            "no complaints"
        );
    }
}
