//! The printed committee pack: what goes in it, in what order, for which
//! periods. The pack follows the screens' own first choices: the latest
//! quarter of indicators, the latest register quarter, and each complaints
//! procedure's latest year with figures.

use crate::complaints::report::{procedures, Choice};
use crate::domain::complaints::Procedure;
use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use crate::indicators::overview::{default_period, Tally};
use crate::register::quarters;
use crate::sort;

/// The pack's contents.
#[derive(Clone, Debug, PartialEq)]
pub struct Pack {
    /// The indicators' period; `None` where no indicator has a figure.
    pub period: Option<Period>,
    /// The register's quarter; `None` where the register is empty.
    pub quarter: Option<Period>,
    /// One complaints report per procedure held, at its latest year.
    pub complaints: Vec<Choice>,
}

/// A section of the pack, as the cover's contents list names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The anchor of the section's heading.
    pub id: &'static str,
    pub title: String,
}

impl Pack {
    pub fn of(snapshot: &Snapshot) -> Pack {
        let complaints = procedures(snapshot)
            .into_iter()
            .filter_map(|procedure| {
                let asked = [("procedure".to_owned(), procedure.key().to_owned())];
                Choice::from_query(snapshot, &asked)
            })
            .collect();
        Pack {
            period: default_period(snapshot),
            quarter: quarters(snapshot).last().copied(),
            complaints,
        }
    }

    /// The four sections in order, each titled with what it covers: the
    /// briefing first, then each feature's tables.
    pub fn sections(&self) -> [Section; 4] {
        let years = |choices: &[Choice]| {
            let mut years: Vec<Period> = choices.iter().map(|c| c.year).collect();
            sort::by(&mut years, Period::timeline_cmp);
            years.dedup();
            let years: Vec<String> = years.iter().map(ToString::to_string).collect();
            years.join(" and ")
        };
        [
            Section {
                id: "pack-briefing",
                title: "1. Briefing: what to ask about".to_owned(),
            },
            Section {
                id: "pack-indicators",
                title: with_period(
                    "2. Performance indicators",
                    self.period.map(|p| p.to_string()),
                ),
            },
            Section {
                id: "pack-risks",
                title: with_period(
                    "3. Risks and opportunities",
                    self.quarter.map(|q| q.to_string()),
                ),
            },
            Section {
                id: "pack-complaints",
                title: with_period(
                    "4. Complaints and compliments",
                    (!self.complaints.is_empty()).then(|| years(&self.complaints)),
                ),
            },
        ]
    }

    /// The sentence under the indicators' heading: the whole council's ratings.
    pub fn indicators_summary(&self, snapshot: &Snapshot) -> Option<String> {
        let period = self.period?;
        Some(Tally::of(&snapshot.indicators, &period).summary())
    }
}

fn with_period(title: &str, period: Option<String>) -> String {
    match period {
        Some(p) => format!("{title}, {p}"),
        None => title.to_owned(),
    }
}

/// A procedure's heading in the pack: "Adult social care (statutory), 2017/18".
pub fn complaints_heading(choice: &Choice) -> String {
    format!("{}, {}", choice.procedure.label(), choice.year)
}

/// Keeps one procedure's chart ids apart from another's in the one page.
pub fn id_prefix(procedure: Procedure) -> String {
    format!("pack-{}", procedure.key())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::complaints::ComplaintsYear;

    #[test]
    fn the_demo_pack_covers_the_latest_quarter_register_and_complaints_year() {
        let demo = Snapshot::demo();
        let pack = Pack::of(&demo);
        assert_eq!(
            pack.period.map(|p| p.to_string()).as_deref(),
            Some("Q1 2019/20")
        );
        assert_eq!(
            pack.quarter.map(|p| p.to_string()).as_deref(),
            Some("Q2 2019/20")
        );
        let reports: Vec<String> = pack.complaints.iter().map(complaints_heading).collect();
        assert_eq!(
            reports,
            [
                "Adult social care (statutory), 2018/19",
                "Children's social care (statutory), 2018/19",
                "Children's social care (non-statutory), 2017/18",
                "Corporate (non-statutory), 2018/19",
            ]
        );
        let titles: Vec<String> = pack.sections().into_iter().map(|s| s.title).collect();
        assert_eq!(
            titles,
            [
                "1. Briefing: what to ask about",
                "2. Performance indicators, Q1 2019/20",
                "3. Risks and opportunities, Q2 2019/20",
                "4. Complaints and compliments, 2017/18 and 2018/19",
            ]
        );
        let summary = pack
            .indicators_summary(&demo)
            .expect("the demo has figures");
        assert_eq!(
            summary,
            Tally::of(&demo.indicators, &"Q1 2019/20".parse().unwrap()).summary()
        );
    }

    #[test]
    fn an_empty_workspace_prints_sections_without_periods() {
        let mut empty = Snapshot::demo();
        empty.indicators.clear();
        empty.register.clear();
        empty.complaints.clear();
        let pack = Pack::of(&empty);
        assert_eq!(
            pack,
            Pack {
                period: None,
                quarter: None,
                complaints: vec![]
            }
        );
        let titles: Vec<String> = pack.sections().into_iter().map(|s| s.title).collect();
        assert_eq!(
            titles,
            [
                "1. Briefing: what to ask about",
                "2. Performance indicators",
                "3. Risks and opportunities",
                "4. Complaints and compliments"
            ]
        );
        assert_eq!(pack.indicators_summary(&empty), None);
    }

    #[test]
    fn each_procedure_held_has_its_own_report_at_its_latest_year_with_figures() {
        let mut snapshot = Snapshot::demo();
        snapshot
            .complaints
            .retain(|c| c.procedure == Procedure::AdultSocialCare);
        let adult = snapshot.complaints[0].clone();
        // A later corporate year, and a still later one with no figures received.
        for (year, received) in [("2019/20", Some(100)), ("2020/21", None)] {
            snapshot.complaints.push(ComplaintsYear {
                procedure: Procedure::Corporate,
                year: year.parse().unwrap(),
                received,
                ..adult.clone()
            });
        }
        let pack = Pack::of(&snapshot);
        let reports: Vec<String> = pack.complaints.iter().map(complaints_heading).collect();
        assert_eq!(
            reports,
            [
                "Adult social care (statutory), 2018/19",
                "Corporate (non-statutory), 2019/20"
            ]
        );
        assert_eq!(
            pack.sections()[3].title,
            "4. Complaints and compliments, 2018/19 and 2019/20"
        );
        let prefixes: Vec<String> = pack
            .complaints
            .iter()
            .map(|c| id_prefix(c.procedure))
            .collect();
        assert_eq!(prefixes, ["pack-adult_social_care", "pack-corporate"]);
    }
}
