//! The built-in demo: Lancashire County Council's Cabinet Committee on
//! Performance Improvement, typed from the committee packs of 4 October 2018,
//! 12 September 2019 and the minutes of 15 October 2019.
//!
//! Figures are as printed. Where a later report revises an earlier figure, the
//! later one is kept and the earlier one noted. Missing stays missing. Every
//! figure records the document it came from.
//!
//! Indicators are written as calls on a small builder that reads each cell
//! with the same parsers an officer's typing goes through; the register and
//! complaints, which are mostly words, are JSON files beside this crate.
//!
//! Why this file and some functions here are long: each service area's
//! function (`children`, `adults`, `growth`, ...) is a table transcribed from
//! a pack, one builder call per printed row, kept in the pack's order so it
//! can be checked against the page. Splitting a table would make that check
//! harder, and there is no logic in them to test apart.

use chrono::NaiveDate;

use crate::domain::complaints::ComplaintsYear;
use crate::domain::indicator::{
    Commentary, Comparator, ComparatorKind, Indicator, Observation, ServiceArea,
};
use crate::domain::period::Period;
use crate::domain::rag::{Polarity, Target, TargetRule};
use crate::domain::register::RegisterEntry;
use crate::domain::snapshot::{Settings, Snapshot, Source};
use crate::domain::value::{Unit, Value};

const REGISTER: &str = include_str!("../../demo/register.json");
const COMPLAINTS: &str = include_str!("../../demo/complaints.json");

/// The Q1 2018/19 monitoring report (meeting of 4 October 2018).
const Q118: &str = "performance-q1-2018-19";
/// The Q1 2019/20 monitoring report (meeting of 12 September 2019).
const Q119: &str = "performance-q1-2019-20";

impl Snapshot {
    /// The seed council's pack, as at the end of Q1 2019/20.
    pub fn demo() -> Snapshot {
        lancashire()
    }

    /// The seed council's pack a year earlier, as at 30 September 2018:
    /// the figures to Q1 2018/19 (none from the Q1 2019/20 report), the
    /// register of Q2 2018/19 and the complaints to 2017/18. With
    /// [`Snapshot::demo`], two packs to compare.
    pub fn demo_a_year_earlier() -> Snapshot {
        let mut pack = lancashire();
        let as_at = date(2018, 9, 30);
        let figures_to = date(2018, 6, 30);
        let later = [Q119, "register-q2-2019-20", "minutes-2019-10-15"];
        let from_later =
            |source: &Option<String>| source.as_deref().is_some_and(|s| later.contains(&s));
        pack.as_at = as_at;
        for indicator in pack.indicators.iter_mut() {
            indicator
                .values
                .retain(|o| o.period.end() <= figures_to && !from_later(&o.source));
            indicator.comparators.retain(|c| {
                !from_later(&c.source) && c.period.is_none_or(|p| p.end() <= figures_to)
            });
            indicator
                .commentary
                .retain(|c| !from_later(&c.source) && c.period.end() <= figures_to);
            if from_later(&indicator.source) {
                indicator.source = None;
            }
        }
        for area in pack.service_areas.iter_mut() {
            area.commentary
                .retain(|c| !from_later(&c.source) && c.period.end() <= figures_to);
        }
        for entry in pack.register.iter_mut() {
            entry.assessments.retain(|a| a.period.end() <= as_at);
            if entry
                .retired
                .as_ref()
                .is_some_and(|r| r.period.end() > as_at)
            {
                entry.retired = None;
            }
            entry.history.retain(|h| h.on <= as_at);
        }
        pack.register.retain(|e| !e.assessments.is_empty());
        pack.complaints
            .retain(|c| c.year.end() <= date(2018, 3, 31) && !from_later(&c.source));
        pack.sources.retain(|s| !later.contains(&s.id.as_str()));
        pack
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn period(label: &str) -> Period {
    label
        .parse()
        .unwrap_or_else(|e| panic!("demo period {label:?}: {e}"))
}

fn sources() -> Vec<Source> {
    let source = |id: &str, title: &str, on: NaiveDate, reference: &str| Source {
        id: id.to_owned(),
        title: title.to_owned(),
        date: Some(on),
        reference: Some(reference.to_owned()),
    };
    vec![
        source(
            Q118,
            "Quarterly Corporate Performance Monitoring Report \u{2013} Quarter 1 2018/19",
            date(2018, 10, 4),
            "Cabinet Committee on Performance Improvement, 4 October 2018, item 5 (Report of the Chief Executive)",
        ),
        source(
            "register-q2-2018-19",
            "Corporate Risk and Opportunity Register Quarter 2 2018/19",
            date(2018, 10, 4),
            "Cabinet Committee on Performance Improvement, 4 October 2018, item 4, Appendix A",
        ),
        source(
            "complaints-2017-18",
            "Statutory Social Care Annual Report for 2017/18 \u{2013} Complaints and Customer Feedback",
            date(2018, 10, 4),
            "Cabinet Committee on Performance Improvement, 4 October 2018, item 6, Appendix A",
        ),
        source(
            Q119,
            "Quarterly Corporate Performance Monitoring Report \u{2013} Quarter 1 2019/20",
            date(2019, 9, 12),
            "Cabinet Committee on Performance Improvement, 12 September 2019 (Report of the Chief Executive)",
        ),
        source(
            "register-q2-2019-20",
            "Corporate Risk and Opportunity Register Quarter 2 2019/20 Update",
            date(2019, 9, 12),
            "Cabinet Committee on Performance Improvement, 12 September 2019, item 6, Appendix A",
        ),
        source(
            "minutes-2019-10-15",
            "Minutes: Statutory Social Care and Corporate Complaints Annual Reports for 2018/19",
            date(2019, 10, 15),
            "Cabinet Committee on Performance Improvement, minutes of 15 October 2019, item 4",
        ),
    ]
}

/// Builds the indicator list, one call per table row.
struct Builder {
    areas: Vec<ServiceArea>,
    indicators: Vec<Indicator>,
}

const ECS: &str = "Education and Children's Services";
const GETCS: &str = "Growth, Environment, Transport and Community Services";
const ASPH: &str = "Adult Services and Public Health";

impl Builder {
    fn area(&mut self, id: &str, name: &str, directorate: &str) {
        self.areas.push(ServiceArea {
            id: id.to_owned(),
            name: name.to_owned(),
            directorate: Some(directorate.to_owned()),
            commentary: vec![],
        });
    }

    fn said(&mut self, area: &str, source: &str, at: &str, text: &str) {
        if let Some(a) = self.areas.iter_mut().find(|a| a.id == area) {
            a.commentary.push(Commentary {
                period: period(at),
                text: text.to_owned(),
                source: Some(source.to_owned()),
            });
        }
    }

    fn ind(&mut self, area: &str, id: &str, name: &str, unit: Unit, polarity: &str) -> Row<'_> {
        self.indicators.push(Indicator::new(
            id,
            area,
            name,
            unit,
            Polarity::parse(polarity).unwrap_or(Polarity::None),
        ));
        let last = self.indicators.len() - 1;
        Row {
            ind: &mut self.indicators[last],
        }
    }
}

/// One indicator being filled in.
struct Row<'a> {
    ind: &'a mut Indicator,
}

fn cell(text: &str, unit: Unit) -> Value {
    Value::parse(text, unit).unwrap_or_else(|e| panic!("demo cell {text:?}: {e}"))
}

fn source_title(id: &str) -> &'static str {
    if id == Q118 {
        "the Q1 2018/19 report"
    } else {
        "the Q1 2019/20 report"
    }
}

impl Row<'_> {
    fn group(self, group: &str) -> Self {
        self.ind.group = Some(group.to_owned());
        self
    }

    fn note(self, note: &str) -> Self {
        self.ind.notes.push(note.to_owned());
        self
    }

    fn definition(self, text: &str) -> Self {
        self.ind.definition = Some(text.to_owned());
        self
    }

    fn target(self, value: f64) -> Self {
        self.ind.target = Some(Target {
            value,
            rule: TargetRule::Directional {
                amber_within: Settings::default().amber_within,
            },
        });
        self
    }

    /// Cells of one report: (period, printed cell). A period already held
    /// from an earlier report keeps the later report's figure, noting the
    /// earlier one where it differs.
    fn vals(mut self, source: &str, cells: &[(&str, &str)]) -> Self {
        for (at, text) in cells {
            self.val(source, at, text, None);
        }
        self
    }

    fn val_noted(mut self, source: &str, at: &str, text: &str, note: &str) -> Self {
        self.val(source, at, text, Some(note));
        self
    }

    fn val(&mut self, source: &str, at: &str, text: &str, note: Option<&str>) {
        let unit = self.ind.unit;
        let value = cell(text, unit);
        let period = period(at);
        let values = &mut self.ind.values;
        if let Some(held) = values.iter_mut().find(|o| o.period == period) {
            if held.value != value {
                let was = held.value.display(unit);
                let from = held.source.clone().unwrap_or_default();
                held.note = Some(format!("Revised: {} printed {was}", source_title(&from)));
                held.value = value;
                held.source = Some(source.to_owned());
            }
            return;
        }
        values.push(Observation {
            period,
            value,
            target: None,
            rag_override: None,
            note: note.map(str::to_owned),
            source: Some(source.to_owned()),
        });
    }

    fn comparator(self, kind: ComparatorKind, source: &str, at: Option<&str>, text: &str) -> Self {
        let value = cell(text, self.ind.unit);
        self.ind.comparators.push(Comparator {
            kind,
            name: (kind == ComparatorKind::Region).then(|| "North West".to_owned()),
            period: at.map(period),
            value,
            source: Some(source.to_owned()),
        });
        self
    }

    fn england(self, source: &str, at: Option<&str>, text: &str) -> Self {
        self.comparator(ComparatorKind::England, source, at, text)
    }

    fn said(self, source: &str, at: &str, text: &str) -> Self {
        self.ind.commentary.push(Commentary {
            period: period(at),
            text: text.to_owned(),
            source: Some(source.to_owned()),
        });
        self
    }

    fn period_target(self, at: &str, value: f64) -> Self {
        let at = period(at);
        if let Some(o) = self.ind.values.iter_mut().find(|o| o.period == at) {
            o.target = Some(Target {
                value,
                rule: TargetRule::Directional {
                    amber_within: Settings::default().amber_within,
                },
            });
        }
        self
    }
}

/// Reads a JSON file built into the app straight into the model, as the
/// quick reader reads a snapshot: no message would reach anyone, so no JSON
/// tree or field paths, and the careful reader is not needed at a first
/// visit. The demo's own tests prove it reads.
fn embedded<T: serde::de::DeserializeOwned + Default>(text: &str) -> T {
    serde_json::from_str(text).unwrap_or_default()
}

pub fn lancashire() -> Snapshot {
    let mut b = Builder {
        areas: vec![],
        indicators: vec![],
    };
    children(&mut b);
    growth(&mut b);
    adults(&mut b);
    let register: Vec<RegisterEntry> = embedded(REGISTER);
    let complaints: Vec<ComplaintsYear> = embedded(COMPLAINTS);
    Snapshot {
        organisation: "Lancashire County Council".to_owned(),
        title: "Cabinet Committee on Performance Improvement".to_owned(),
        as_at: date(2019, 6, 30),
        prepared_by: Some("Business Intelligence".to_owned()),
        accessibility_contact: None,
        settings: Settings::default(),
        sources: sources().into(),
        service_areas: b.areas.into(),
        indicators: b.indicators.into(),
        register: register.into(),
        complaints: complaints.into(),
    }
}

const COUNT: Unit = Unit::Count;
const NUMBER: Unit = Unit::Number;
const PCT: Unit = Unit::Percent;
const R10K: Unit = Unit::RatePer10000;
const R100K: Unit = Unit::RatePer100000;
const DAYS: Unit = Unit::Days;
const REGION: ComparatorKind = ComparatorKind::Region;
const NEIGHBOURS: ComparatorKind = ComparatorKind::StatisticalNeighbours;

fn children(b: &mut Builder) {
    b.area("childrens-social-care", "Children's Social Care", ECS);
    b.ind(
        "childrens-social-care",
        "contacts",
        "Number of contacts during the year",
        COUNT,
        "-",
    )
    .vals(
        Q118,
        &[
            ("2016/17", "31,873"),
            ("2017/18", "33,253"),
            ("Q1 2018/19", "9,453"),
        ],
    );
    b.ind(
        "childrens-social-care",
        "contacts-to-referral",
        "Percentage of contacts that led to a referral during the year",
        PCT,
        "H",
    )
    .vals(
        Q118,
        &[
            ("2016/17", "32.0%"),
            ("2017/18", "32.2%"),
            ("Q1 2018/19", "37.1%"),
        ],
    );
    b.ind("childrens-social-care", "referrals", "Number and rate (per 10k) of referrals during the year", R10K, "L")
        .vals(Q118, &[("2016/17", "9,907/ 403.9"), ("2017/18", "10,337/ 419.4"), ("Q1 2018/19", "3,377/ 136.8")])
        .england(Q118, None, "548.2")
        .vals(Q119, &[("2017/18", "10,337/ 419.4"), ("Q2 2018/19", "2,605/ 105.1"), ("Q3 2018/19", "2,482/ 100.0"), ("Q4 2018/19", "3,198/ 129.0"), ("2018/19", "11,662/ 471.1"), ("Q1 2019/20", "2,757/ 111.2")])
        .england(Q119, None, "552.5")
        .said(Q119, "Q1 2019/20", "During quarter 1 2019/20, the referral rate (111.2 per 10,000) reduced when comparing to the previous quarter (129.0), with the re-referral rate (20.8%) remaining stable and still below the England average (21.9%).");
    b.ind(
        "childrens-social-care",
        "re-referrals",
        "Number and percentage of referrals that are re-referrals during the year",
        PCT,
        "L",
    )
    .vals(
        Q118,
        &[
            ("2016/17", "1,890/ 19.0%"),
            ("2017/18", "1,937/ 19.0%"),
            ("Q1 2018/19", "660/ 19.5%"),
        ],
    )
    .england(Q118, None, "21.9%")
    .vals(
        Q119,
        &[
            ("2017/18", "1,937/ 19.0%"),
            ("Q2 2018/19", "568/ 21.8%"),
            ("Q3 2018/19", "511/ 20.5%"),
            ("Q4 2018/19", "628/ 19.6%"),
            ("2018/19", "2,367/ 20.2%"),
            ("Q1 2019/20", "574/ 20.8%"),
        ],
    )
    .england(Q119, None, "21.9%");
    b.ind("childrens-social-care", "assessments-over-45-days", "Percentage of assessments completed during the year which took over 45 days", PCT, "L")
        .vals(Q118, &[("2016/17", "26.9%"), ("2017/18", "25.0%"), ("Q1 2018/19", "23.7%")])
        .england(Q118, None, "17.1%")
        .vals(Q119, &[("2017/18", "25.0%"), ("Q2 2018/19", "26.6%"), ("Q3 2018/19", "25.0%"), ("Q4 2018/19", "15.3%"), ("2018/19", "22.3%"), ("Q1 2019/20", "15.4%")])
        .england(Q119, None, "17.3%")
        .comparator(REGION, Q119, None, "16.3%")
        .said(Q119, "Q1 2019/20", "Around 15.4% of assessments completed during quarter one of 2019/20 took over 45 days to complete which is now lower than all the comparator averages (national 17.3% and regional 16.3%) for the second quarter in succession.");
    let snapshot_note = "A snapshot at the end of each period: a stock, not a flow.";
    b.ind("childrens-social-care", "children-in-need", "Number and rate (per 10k) of children with a Children in Need Plan (snapshot at period end)", R10K, "L")
        .definition(snapshot_note)
        .vals(Q118, &[("2016/17", "1,825/74.3"), ("2017/18", "1,660/67.2"), ("Q1 2018/19", "1,716/ 69.2")])
        .england(Q118, None, "-")
        .vals(Q119, &[("2017/18", "1,660/67.2"), ("Q2 2018/19", "1,754/ 70.7"), ("Q3 2018/19", "1,720/ 69.4"), ("Q4 2018/19", "1,799/ 72.5"), ("2018/19", "-"), ("Q1 2019/20", "1,793/ 71.9")]);
    b.ind("childrens-social-care", "child-protection-plans", "Number and rate (per 10k) of children with a child protection plan (snapshot at period end)", R10K, "L")
        .definition(snapshot_note)
        .vals(Q118, &[("2016/17", "1,412/57.5"), ("2017/18", "1,243/50.4"), ("Q1 2018/19", "1,221/49.5")])
        .england(Q118, None, "43.3")
        .vals(Q119, &[("2017/18", "1,243/50.4"), ("Q2 2018/19", "1,351/ 54.5"), ("Q3 2018/19", "1,329/ 53.6"), ("Q4 2018/19", "1,382/ 55.8"), ("2018/19", "-"), ("Q1 2019/20", "1,412/ 57.0")])
        .england(Q119, None, "45.3")
        .said(Q119, "Q1 2019/20", "The latest rate of children with child protection plans (57.0 per 10,000) and the looked after children rate (84.6) remains significantly higher than the comparators. The latest child protection plan rate is the highest it's been since February 2017 when it was 61.9 per 10,000.");
    b.ind("childrens-social-care", "repeat-child-protection", "Percentage of children with a repeat child protection plan over last 12 months (snapshot at period end)", PCT, "L")
        .definition(snapshot_note)
        .vals(Q118, &[("2016/17", "5.5%"), ("2017/18", "6.2%"), ("Q1 2018/19", "6.6%")])
        .vals(Q119, &[("2017/18", "6.2%"), ("Q2 2018/19", "6.0%"), ("Q3 2018/19", "6.7%"), ("Q4 2018/19", "7.5%"), ("2018/19", "-"), ("Q1 2019/20", "7.5%")]);
    b.ind(
        "childrens-social-care",
        "children-looked-after",
        "Rate of Children Looked After (CLA) number/per 10,000 (snapshot at period end)",
        R10K,
        "L",
    )
    .definition(snapshot_note)
    .vals(
        Q118,
        &[
            ("2016/17", "1,842/75.0"),
            ("2017/18", "1,968/79.7"),
            ("Q1 2018/19", "2,021/81.9"),
        ],
    )
    .england(Q118, None, "62.0")
    .vals(
        Q119,
        &[
            ("2017/18", "1,968/79.7"),
            ("Q2 2018/19", "2,053/ 82.8"),
            ("Q3 2018/19", "2,083/ 84.0"),
            ("Q4 2018/19", "2,128/ 85.9"),
            ("2018/19", "-"),
            ("Q1 2019/20", "2,096/ 84.6"),
        ],
    )
    .england(Q119, None, "64.0");
    b.ind(
        "childrens-social-care",
        "cla-three-placements",
        "Percentage of CLA in 3 or more placements over last 12 months (snapshot at period end)",
        PCT,
        "L",
    )
    .definition(snapshot_note)
    .vals(
        Q118,
        &[
            ("2016/17", "7.7%"),
            ("2017/18", "7.9%"),
            ("Q1 2018/19", "9.1%"),
        ],
    )
    .england(Q118, None, "10%")
    .vals(
        Q119,
        &[
            ("2017/18", "7.9%"),
            ("Q2 2018/19", "9.8%"),
            ("Q3 2018/19", "9.2%"),
            ("Q4 2018/19", "8.8%"),
            ("2018/19", "-"),
            ("Q1 2019/20", "8.4%"),
        ],
    )
    .england(Q119, None, "10%");
    b.ind("childrens-social-care", "asye-staff", "Percentage of staff on Assessed and Supported Year in Employment (ASYE) (snapshot at period end)", PCT, "L")
        .definition(snapshot_note)
        .vals(Q118, &[("2016/17", "44.9%"), ("2017/18", "27.2%"), ("Q1 2018/19", "23.8%")])
        .vals(Q119, &[("2017/18", "27.2%"), ("Q2 2018/19", "29%"), ("Q3 2018/19", "30.5%"), ("Q4 2018/19", "27.9%"), ("2018/19", "-"), ("Q1 2019/20", "27.0%")]);
    b.ind("childrens-social-care", "experienced-social-workers", "Percentage of staff who are experienced social workers (3+ years) (snapshot at period end)", PCT, "H")
        .definition(snapshot_note)
        .vals(Q118, &[("2016/17", "New measure"), ("2017/18", "26.0%"), ("Q1 2018/19", "31.9%")])
        .vals(Q119, &[("2017/18", "26.0%"), ("Q2 2018/19", "30.0%"), ("Q3 2018/19", "35.9%"), ("Q4 2018/19", "33.7%"), ("2018/19", "-"), ("Q1 2019/20", "37.9%")])
        .note("The Q1 2019/20 report prints \u{201c}Good is\u{201d} as a Cyrillic \u{201c}\u{43d}\u{201d}, read as H.")
        .said(Q119, "Q1 2019/20", "Workforce figures remained good at the end of quarter one. Average caseloads have reduced. Of the social worker workforce, Assessed and Supported Year in Employment made up 27% and experienced staff 37.9%. The experienced workforce figures are an improvement from quarter one of 2018/19 (31.9%).");
    b.ind(
        "childrens-social-care",
        "average-caseload",
        "Average caseload per social worker (snapshot at period end)",
        NUMBER,
        "L",
    )
    .definition(snapshot_note)
    .vals(
        Q118,
        &[
            ("2016/17", "New measure"),
            ("2017/18", "22.0"),
            ("Q1 2018/19", "22.9"),
        ],
    )
    .vals(
        Q119,
        &[
            ("2017/18", "22.0"),
            ("Q2 2018/19", "20.0"),
            ("Q3 2018/19", "19.8"),
            ("Q4 2018/19", "22.3"),
            ("2018/19", "-"),
            ("Q1 2019/20", "19.9"),
        ],
    );
    b.said("childrens-social-care", Q118, "Q1 2018/19", "There has been a 10.9% increase in contacts received during quarter one when compared to the same period the previous year (8,521 contacts Q1 2017/18) with a corresponding increase of 38.1% in referrals (2,445 referrals Q1 2017/18). The rate of re-referrals has remained stable at 19.5%. Around 24% of assessments completed during the year took over 45 days to complete which is still higher than all comparator averages. The number of children looked after has continued to increase which is in line with the position across the region.");
    b.said("childrens-social-care", Q119, "Q1 2019/20", "The bid to the Department for Education to support our move to a family safeguarding model is predicted to address the issue high levels of children in care and those on child protection plans following a planned and supportive model, whilst managing risk.");

    b.area("adoptions", "Adoptions", ECS);
    b.ind("adoptions", "adoption-days-care-to-family", "Average time between a child entering care and moving in with their adoptive family, for children who have been adopted (days)", DAYS, "L")
        .vals(Q118, &[("2016/17", "489"), ("2017/18", "426"), ("Q1 2018/19", "386")])
        .england(Q118, Some("2014-17"), "520")
        .vals(Q119, &[("2017/18", "428"), ("Q2 2018/19", "557"), ("Q3 2018/19", "372"), ("Q4 2018/19", "395"), ("2018/19", "429"), ("Q1 2019/20", "546")])
        .said(Q119, "Q1 2019/20", "Quarter 1 of 2019/20 recorded a significant increase in the average time between a child entering care and moving in with their adoptive family (3 adoption cases which concluded in Q1 have taken over a 1000 days each). However the current rolling year figure for July 2018 to June 2019 is 478 days which is better than the latest national average figure (520 days).");
    b.ind("adoptions", "adoption-days-authority-to-match", "Days between a local authority receiving court authority to place a child and the local authority deciding on a match to an adoptive family (days)", DAYS, "L")
        .vals(Q118, &[("2016/17", "236"), ("2017/18", "156"), ("Q1 2018/19", "148")])
        .england(Q118, Some("2014-17"), "220")
        .vals(Q119, &[("2017/18", "157"), ("Q2 2018/19", "218"), ("Q3 2018/19", "136"), ("Q4 2018/19", "90"), ("2018/19", "169"), ("Q1 2019/20", "204")])
        .note("The Q1 2019/20 report's row has lost its \u{201c}Good is\u{201d} cell; the Q1 2018/19 report gives L.");
    b.said("adoptions", Q118, "Q1 2018/19", "During the recent Ofsted re-inspection, the adoption services performance was commended and rated Good. 88% of children waited less than 14 months between entering care and moving in with their adoptive family during quarter one. There were 25 adoptions orders granted during quarter one. 101 children were awaiting adoption.");

    b.area("youth-offending", "Youth Offending Team", ECS);
    b.ind("youth-offending", "first-time-entrants", "Rate per 100,000 local youth of first time entrants to youth justice system", R100K, "L")
        .vals(Q118, &[("Jan 17 - Dec 17", "180"), ("Apr 17 - Mar 18", "180")])
        .england(Q118, Some("Apr 17 - Mar 18"), "273")
        .vals(Q119, &[("Oct 17 - Sept 18", "207"), ("Jan 18 - Dec 18", "191")])
        .england(Q119, Some("Jan 18 - Dec 18"), "238")
        .note("Rolling years: each figure is printed with its own period in \u{201c}Previous Period\u{201d} and \u{201c}Latest Available\u{201d} columns.");
    b.ind(
        "youth-offending",
        "reoffending",
        "% of Young People reoffending",
        PCT,
        "L",
    )
    .vals(
        Q118,
        &[("April 16 - June 16", "39.6%"), ("Jul16 - Sept16", "39.2%")],
    )
    .england(Q118, Some("Jul16 - Sept16"), "41.7%")
    .vals(
        Q119,
        &[("Jan 17 - Mar 17", "45.5%"), ("Apr 17 - Jun 17", "43.0%")],
    )
    .england(Q119, Some("Apr 17 - Jun 17"), "38.1%");
    b.ind("youth-offending", "ehc-plans", "The number of statutory Education Health and Care plans in place (0 to 25 yrs.)", COUNT, "-")
        .note("The Q1 2018/19 report gives 6,351 (previous period) and 6,665 (latest available) without saying which periods they describe, so they are not held as figures.");
    b.said("youth-offending", Q119, "Q1 2019/20", "There were less first time entrants to the youth justice system in Lancashire for the last reported period and the Lancashire rate remains lower than the national and regional rates. Lancashire youth re-offending levels have also improved but remain higher than the national and regional rates. Following a recent joint inspection of youth offending services in Lancashire, Lancashire Youth Offending Team was rated as Good.");

    b.area("school-improvement", "School Improvement", ECS);
    b.ind("school-improvement", "fixed-term-exclusions", "% fixed period exclusion levels in primary, secondary, and special schools", PCT, "L")
        .definition("Academic years.")
        .vals(Q118, &[("2015/16", "4.05%"), ("2016/17", "4.42%")])
        .england(Q118, Some("2016/17"), "4.76%")
        .comparator(REGION, Q118, Some("2016/17"), "4.54%")
        .vals(Q119, &[("2017/18", "4.36%")])
        .england(Q119, Some("2017/18"), "5.08%")
        .comparator(REGION, Q119, Some("2017/18"), "4.69%")
        .comparator(NEIGHBOURS, Q119, Some("2017/18"), "5.92%")
        .note("The Q1 2019/20 report prints \u{201c}Good is\u{201d} H (in Cyrillic) for this row; the Q1 2018/19 report gives L, kept here.");
    b.ind("school-improvement", "permanent-exclusions", "% permanent exclusion levels in primary, secondary, and special schools", PCT, "L")
        .definition("Academic years.")
        .vals(Q118, &[("2015/16", "0.18%"), ("2016/17", "0.21%")])
        .england(Q118, Some("2016/17"), "0.10%")
        .vals(Q119, &[("2017/18", "0.19%")])
        .england(Q119, Some("2017/18"), "0.10%")
        .comparator(REGION, Q119, Some("2017/18"), "0.13%")
        .comparator(NEIGHBOURS, Q119, Some("2017/18"), "0.11%")
        .said(Q119, "Q1 2019/20", "Statistics published by the Department for Education for 2017/18 shows an improvement in the proportion of permanent and fixed term exclusions in Lancashire schools. However the permanent exclusion rate (0.19%) remained higher than the national (0.10%), regional (0.13%) and statistical neighbours (0.11%) averages. Lancashire was positioned in the bottom quartile and ranked 139 of 152 authorities against this indicator.");
    b.ind("school-improvement", "good-or-outstanding-settings", "% Education settings rated Good/Outstanding", PCT, "H")
        .vals(Q118, &[("March 2017", "91.1%"), ("June 2018", "90.3%")])
        .england(Q118, Some("June 2018"), "86.0%")
        .vals(Q119, &[("June 2019", "89.8%")])
        .england(Q119, Some("June 2019"), "86.0%")
        .said(Q119, "Q1 2019/20", "The number of schools judged to be good or better has consistently been above the national average in recent years (567 out of 631 total settings).");

    b.area(
        "children-and-family-wellbeing",
        "Children and Family Wellbeing service",
        ECS,
    );
    b.ind("children-and-family-wellbeing", "families-attached", "Number of families attached to the programme", COUNT, "H")
        .vals(Q118, &[("Q4 2016/17", "4,305"), ("2017/18", "8,647"), ("Q1 2018/19", "10,169")])
        .england(Q118, None, "n/a")
        .vals(Q119, &[("Q2 2018/19", "12,498"), ("Q3 2018/19", "14,164")])
        .val_noted(Q119, "Q4 2018/19", "14,949", "rolling figures")
        .vals(Q119, &[("Q1 2019/20", "18,095")])
        .note("Reported by the Troubled Families Unit (Adult Services and Public Health) until quarter 1 of 2019/20, when the Children and Family Wellbeing service became part of Education and Children's Services.");
    b.ind("children-and-family-wellbeing", "payment-by-results-claims", "Payment by results claims (submitted to the Department for Communities and Local Government)", COUNT, "H")
        .definition("Cumulative claims over the five-year programme.")
        .vals(Q118, &[("2017", "841")])
        .val_noted(Q118, "2017/18", "2,097", "rolling figure")
        .vals(Q118, &[("Q1 2018/19", "2,409")])
        .period_target("Q1 2018/19", 2447.0)
        .vals(Q119, &[("Q2 2018/19", "2,740"), ("Q3 2018/19", "3,158"), ("Q4 2018/19", "4,113"), ("Q1 2019/20", "5,370")])
        .period_target("Q1 2019/20", 5370.0)
        .said(Q118, "Q1 2018/19", "The cumulative total of 'payments by results' claims achieved by the claim window closure as at 30 June 2018 was slightly behind (38 short of) the targeted position (2,447). It is anticipated that the target of 6,950 payments by results claims will be achieved by the time the 5 year programme ends in 2019/20.")
        .said(Q119, "Q1 2019/20", "The June claim window closure had a target of 5,370 payment by results claims, which required the team to successfully validate 1,257 claims during the 3 month period. The target was achieved. The team has now turned its attention to the September claim window target of 6,620 payment by results claims (cumulative total).");
}

fn growth(b: &mut Builder) {
    b.area(
        "highways-and-street-lighting",
        "Street lighting and highways",
        GETCS,
    );
    b.ind("highways-and-street-lighting", "street-lighting-repair-days", "Average number of working days to repair a LCC street lighting fault (including traffic management)", NUMBER, "L")
        .target(5.0)
        .vals(Q118, &[("2016/17", "4.6"), ("2017/18", "7"), ("Q1 2018/19", "4.35")])
        .vals(Q119, &[("2017/18", "7"), ("Q1 2018/19", "7.61"), ("Q4 2018/19", "6.34"), ("Q1 2019/20", "4.79")])
        .note("Target 5 days, as the Q1 2019/20 report states. The Q1 2018/19 report's measure did not say it included traffic management.")
        .said(Q119, "Q1 2019/20", "The figures have improved this quarter due to lantern availability and replacement following the start of the Salix Light Emitting Diode (LED) replacement programme.");
    b.ind("highways-and-street-lighting", "defects-20-days-old-policy", "Highway Safety Carriageway Defects repaired within 20 working days (before the 2018 repair policy)", PCT, "H")
        .vals(Q118, &[("2016/17", "97%"), ("2017/18", "64%"), ("Q1 2018/19", "66%")])
        .note("Replaced when the highways defect repair policy was implemented during quarter 2 of 2018/19.")
        .said(Q118, "Q1 2018/19", "The service is reporting improving performance during Q1 2018-19 (April 55%; May 65%; June 81%) and this is continuing. The recently approved defect repair policy is being implemented in August so reporting will change in accordance with that policy.");
    for (id, name, target) in [
        (
            "defects-4-hours",
            "Safety Carriageway Defects repaired within 4 hours (emergency)",
            95.0,
        ),
        (
            "defects-2-days",
            "Safety Carriageway Defects repaired within 2 working days (urgent)",
            95.0,
        ),
        (
            "defects-5-days",
            "Safety Carriageway Defects repaired within 5 working days (non-urgent)",
            90.0,
        ),
        (
            "defects-20-days",
            "Safety Carriageway Defects repaired within 20 working days (non-urgent)",
            90.0,
        ),
    ] {
        let cells: [(&str, &str); 2] = match id {
            "defects-4-hours" => [("Q4 2018/19", "95.65%"), ("Q1 2019/20", "96.67%")],
            "defects-2-days" => [("Q4 2018/19", "94.14%"), ("Q1 2019/20", "88.76%")],
            "defects-5-days" => [("Q4 2018/19", "81.47%"), ("Q1 2019/20", "83.18%")],
            _ => [("Q4 2018/19", "96.05%"), ("Q1 2019/20", "98.19%")],
        };
        b.ind("highways-and-street-lighting", id, name, PCT, "H")
            .target(target)
            .vals(Q119, &[("2017/18", "-"), ("Q1 2018/19", "-")])
            .vals(Q119, &cells)
            .note("Measured under the highways defect repair policy implemented in quarter 2 of 2018/19.");
    }
    b.said("highways-and-street-lighting", Q119, "Q1 2019/20", "The figures show some improvement as we bear the fruits of the measures previously introduced, including improved communications between inspectors, the contact centre and the local teams. The 2 day urgent and 5 day defects remains an area of concern; improvement will be seen in this area once the amendments to the risk matrix filter through from July 2019 figure.");

    b.area("waste-management", "Waste management", GETCS);
    b.ind(
        "waste-management",
        "recycling",
        "% of recycling, re-use and composting",
        PCT,
        "H",
    )
    .vals(
        Q118,
        &[
            ("2016/17", "46%"),
            ("2017/18", "42%"),
            ("Q1 2018/19", "43%"),
        ],
    )
    .val_noted(
        Q119,
        "2018/19",
        "43%",
        "provisional: to be approved by Defra in November 2019",
    )
    .vals(Q119, &[("Q1 2019/20", "43%")]);
    b.ind(
        "waste-management",
        "landfill-diversion",
        "% diversion of municipal waste away from landfill (including recovery)",
        PCT,
        "H",
    )
    .vals(
        Q118,
        &[
            ("2016/17", "49%"),
            ("2017/18", "51%"),
            ("Q1 2018/19", "55%"),
        ],
    )
    .val_noted(
        Q119,
        "2018/19",
        "61%",
        "provisional: to be approved by Defra in November 2019",
    )
    .vals(Q119, &[("Q1 2019/20", "66%")]);
    b.said("waste-management", Q119, "Q1 2019/20", "We are not yet seeing any significant shifts in recycling tonnes collected compared to the 2018/19 out-turn - early indications would suggest seeing an increase of around 1% this year. In terms of the processing of residual waste at Thornton, the plant continues to be successful in mass loss and landfill diversion.");

    b.area("libraries-and-museums", "Libraries and museums", GETCS);
    for (id, name, y16, y17, q118, y18, q218, q318, q418, q119) in [
        (
            "library-visits",
            "Number of visits to libraries each quarter",
            "4,007,475",
            "3,573,465",
            "879,387",
            "3,629,830",
            "924,536",
            "877,167",
            "928,172",
            "871,039",
        ),
        (
            "museum-visits",
            "Number of visits to museums each month",
            "256,318",
            "244,365",
            "58,544",
            "176,781",
            "59,032",
            "23,140",
            "17,316",
            "35,418",
        ),
        (
            "ebook-downloads",
            "Number of E-Book downloads each month",
            "162,384",
            "212,925",
            "58,659",
            "255,572",
            "64,857",
            "64,779",
            "67,277",
            "72,229",
        ),
        (
            "library-issues",
            "Number of library public issues each month",
            "4,170,173",
            "3,622,043",
            "891,108",
            "3,690,562",
            "967,543",
            "873,920",
            "902,851",
            "888,265",
        ),
    ] {
        b.ind("libraries-and-museums", id, name, COUNT, "H")
            .compare_same_last_year()
            .vals(
                Q118,
                &[("2016/17", y16), ("2017/18", y17), ("Q1 2018/19", q118)],
            )
            .vals(
                Q119,
                &[
                    ("2018/19", y18),
                    ("Q2 2018/19", q218),
                    ("Q3 2018/19", q318),
                    ("Q4 2018/19", q418),
                    ("Q1 2019/20", q119),
                ],
            );
    }
    b.said("libraries-and-museums", Q119, "Q1 2019/20", "Visitor numbers to libraries and library public issues have followed expected seasonal trends in quarter 1 of 2019/20. However, eBook downloads have certainly not demonstrated any such trend and continue to rise. 2018/19 saw a significant fall in museum visitor numbers due to the return of three museums to Lancaster City Council.");

    b.area("planning", "Planning applications", GETCS);
    b.ind("planning", "minerals-waste-13-weeks", "% of minerals and waste planning applications determined within 13 weeks", PCT, "H")
        .vals(Q118, &[("Q4 2016/17", "50%"), ("2017/18", "67%"), ("Q1 2018/19", "50%")])
        .vals(Q119, &[("Q4 2018/19", "80%"), ("Q1 2019/20", "40%")])
        .note("Not RAG rated: agreed time extensions over 13 weeks are often required for large applications.")
        .said(Q119, "Q1 2019/20", "In quarter 1 of 2019/20, a total of 5 County matter applications were determined, of which 2 (40%) were determined within the 13 week decision period. Agreed time extensions were in place for the other 3 applications determined over 13 weeks.");
    b.ind("planning", "regulation-3-8-weeks", "% of Regulation 3 planning applications determined within 8 weeks", PCT, "H")
        .vals(Q118, &[("Q4 2016/17", "56%"), ("2017/18", "78%"), ("Q1 2018/19", "60%")])
        .vals(Q119, &[("Q4 2018/19", "37.5%"), ("Q1 2019/20", "56%")])
        .note("Not RAG rated: the 8 week target is a discretionary target used for district schemes, applied to the council's own schemes in the absence of a national target.")
        .said(Q119, "Q1 2019/20", "There were 9 applications for Lancashire County Council's own Regulation 3 applications in quarter 1 of 2019/20. 5 (56%) applications were determined within 8 weeks and 4 (44%) outside of this period.");
}

fn adults(b: &mut Builder) {
    let area = "adult-social-care";
    b.area(area, "Adult Services", ASPH);
    b.ind(area, "self-directed-support", "Adults aged over 18 receiving self-directed support (personal budgets) (ASCOF) snapshot as at 31 March", PCT, "H")
        .group("Adult social care \u{2013} personalisation")
        .vals(Q118, &[("2016/17", "77.8%"), ("2017/18", "77.4%"), ("Q1 2018/19", "76.8%")])
        .england(Q118, None, "89.4%");
    b.ind(area, "direct-payments", "Adults receiving direct payments (ASCOF) snapshot as at period end", PCT, "H")
        .group("Adult social care \u{2013} personalisation")
        .vals(Q118, &[("2016/17", "23.9%"), ("2017/18", "25.1%"), ("Q1 2018/19", "26.5%")])
        .england(Q118, None, "28.3%")
        .vals(Q119, &[("2017/18", "25.1%"), ("Q1 2018/19", "26.5%"), ("2018/19", "30.4%"), ("Q1 2019/20", "31.3%")])
        .england(Q119, None, "28.5%")
        .said(Q119, "Q1 2019/20", "There is a further increase in the proportion of adult social care service users receiving direct payments, which keeps Lancashire higher than the national average. This increase is primarily due to service users choosing to take direct payments when their home care provision was reviewed, and this improvement should be sustainable.");
    b.ind(
        area,
        "carers-direct-payments",
        "Carers receiving direct payments for support direct to carer (ASCOF) during the period",
        PCT,
        "H",
    )
    .group("Support for carers")
    .vals(
        Q118,
        &[
            ("2016/17", "98.3%"),
            ("2017/18", "98.6%"),
            ("Q1 2018/19", "99.4%"),
        ],
    )
    .england(Q118, None, "74.3%")
    .vals(
        Q119,
        &[
            ("2017/18", "98.6%"),
            ("Q1 2018/19", "99.4%"),
            ("2018/19", "99.2%"),
            ("Q1 2019/20", "99.5%"),
        ],
    )
    .england(Q119, None, "74.1%");
    b.ind(area, "learning-disability-own-home", "Proportion of adults with learning disabilities who live in their own home or with their family (ASCOF) during the period", PCT, "H")
        .group("Support for people with learning disabilities")
        .vals(Q118, &[("2016/17", "85.5%"), ("2017/18", "85.3%"), ("Q1 2018/19", "85.1%")])
        .england(Q118, None, "76.2%")
        .vals(Q119, &[("2017/18", "85.3%"), ("Q1 2018/19", "85.1%"), ("2018/19", "84.1%"), ("Q1 2019/20", "83.4%")])
        .england(Q119, None, "77.2%");
    let independent = "Support for people to remain independent";
    b.ind(area, "admissions-18-64", "Permanent admissions to residential and nursing care homes per 100,000 pop aged 18-64 (ASCOF) during the period", R100K, "L")
        .group(independent)
        .vals(Q118, &[("2016/17", "17"), ("2017/18", "19"), ("Q1 2018/19", "18.9")])
        .england(Q118, None, "12.8")
        .vals(Q119, &[("2017/18", "19.2"), ("Q1 2018/19", "19.6"), ("2018/19", "16.5"), ("Q1 2019/20", "14.8")])
        .england(Q119, None, "14.0");
    b.ind(area, "admissions-65-plus", "Permanent admissions to residential and nursing care homes per 100,000 pop aged 65+ (ASCOF) during the period", R100K, "L")
        .group(independent)
        .vals(Q118, &[("2016/17", "742.3"), ("2017/18", "719.1"), ("Q1 2018/19", "726.8")])
        .england(Q118, None, "610.7")
        .vals(Q119, &[("2017/18", "728.9"), ("Q1 2018/19", "731.7"), ("2018/19", "722.7"), ("Q1 2019/20", "709.4")])
        .england(Q119, None, "585.6")
        .said(Q119, "Q1 2019/20", "There has been a gradual reduction in the number of adults and older people admitted to residential care, but concerns still remain about the medium term level of admissions. Lancashire's own admission rate is itself considerably higher than the national average, and so it is a key service challenge for us to address the causes of this high rate.");
    b.ind(area, "admissions-65-plus-number", "Number of permanent admissions to residential and nursing care homes pop aged 65+ during the period", COUNT, "L")
        .group(independent)
        .vals(Q118, &[("2016/17", "1,795"), ("2017/18", "1,761"), ("Q1 2018/19", "1,792")])
        .vals(Q119, &[("2017/18", "1,761"), ("Q1 2018/19", "1,792"), ("2018/19", "1,770"), ("Q1 2019/20", "1,764")]);
    b.ind(area, "ot-waiting", "Waiting times for OT assessments (snapshot number of clients in OT allocation work tray)", COUNT, "L")
        .group(independent)
        .vals(Q119, &[("2017/18", "1,384"), ("Q1 2018/19", "1,140"), ("2018/19", "398"), ("Q1 2019/20", "466")])
        .said(Q119, "Q1 2019/20", "The numbers of service users waiting for an Occupational Therapy assessment has increased by 68 from the end of quarter 4 last year (398 to 466), but has decreased by 674 against the quarter 1 comparable (1140 to 466).");
    b.ind(
        area,
        "reablement-referrals",
        "Number of reablement referrals during the period",
        COUNT,
        "H",
    )
    .group(independent)
    .vals(Q118, &[("2016/17", "3,642"), ("2017/18", "7,392")])
    .val_noted(Q118, "Q1 2018/19", "2,079", "3 months")
    .vals(Q119, &[("2018/19", "7,967"), ("Q1 2019/20", "1,871")]);
    b.ind(
        area,
        "reablement-plans",
        "Number of completed reablement support plans during the period",
        COUNT,
        "H",
    )
    .group(independent)
    .vals(Q118, &[("2016/17", "3,207"), ("2017/18", "6,657")])
    .val_noted(Q118, "Q1 2018/19", "1,851", "3 months")
    .vals(Q119, &[("2018/19", "7,301"), ("Q1 2019/20", "2,134")]);
    b.ind(area, "still-home-91-days", "Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement/ rehabilitation services (ASCOF) during the period", PCT, "H")
        .group(independent)
        .vals(Q118, &[("2016/17", "83.8%"), ("2017/18", "88.1%")])
        .val_noted(Q118, "Q1 2018/19", "88.2%", "3 months")
        .england(Q118, None, "82.00%")
        .vals(Q119, &[("2018/19", "82.6%"), ("Q1 2019/20", "82.0%")])
        .england(Q119, None, "82.9%");
    let timely = "Timeliness of assessment and support";
    b.ind(
        area,
        "assessments-7-days",
        "Assessments completed within 7 days during the period",
        PCT,
        "H",
    )
    .group(timely)
    .vals(Q118, &[("2016/17", "82.6%"), ("2017/18", "85.1%")])
    .val_noted(Q118, "Q1 2018/19", "87.6%", "3 months")
    .vals(Q119, &[("2018/19", "86.5%"), ("Q1 2019/20", "84.2%")]);
    b.ind(area, "assessments-28-days", "Assessments completed within 28 days during the period", PCT, "H")
        .group(timely)
        .vals(Q118, &[("2016/17", "94.6%"), ("2017/18", "95.6%")])
        .val_noted(Q118, "Q1 2018/19", "96.1%", "3 months")
        .vals(Q119, &[("2018/19", "95.8%"), ("Q1 2019/20", "95.3%")])
        .said(Q119, "Q1 2019/20", "Nearly 96% of social work assessments were completed within 4 weeks and that is the indicator that will reflect the experience of the public.");
    b.ind(area, "delayed-transfers", "Delayed transfers of care from hospital (DToC) \u{2013} total delayed days due to social care in the month", COUNT, "L")
        .group(timely)
        .definition("One month's delayed days: March for a year, the quarter's last month for a quarter.")
        .vals(Q118, &[("March 2017", "2,167"), ("March 2018", "1,232"), ("June 2018", "1,093")])
        .vals(Q119, &[("March 2019", "1,958"), ("June 2019", "1,442")])
        .said(Q119, "Q1 2019/20", "Delayed transfers of care from hospital (delayed days) have improved considerably in quarter 1, and Lancashire is now closer to achieving the September 2018 targets, which were published for all authorities as part of the Better Care Fund 2018/19 Operational Guidance.");
    let quality = "Quality of services";
    b.ind(area, "care-homes-good", "Care Quality Commission (CQC) \u{2013} Care Home ratings good/outstanding snapshot as at period end", PCT, "H")
        .group(quality)
        .vals(Q118, &[("2016/17", "70.0%"), ("2017/18", "75.9%")])
        .val_noted(Q118, "Q1 2018/19", "78.8%", "June 2018")
        .england(Q118, None, "79.50%")
        .vals(Q119, &[("2018/19", "83.1%"), ("Q1 2019/20", "82.5%")])
        .england(Q119, None, "82.5%");
    b.ind(area, "community-care-good", "CQC Community Care Service ratings snapshot as at period end", PCT, "H")
        .group(quality)
        .vals(Q118, &[("2016/17", "80.1%"), ("2017/18", "91.0%")])
        .val_noted(Q118, "Q1 2018/19", "92.8%", "June 2018")
        .england(Q118, None, "85.30%")
        .vals(Q119, &[("2018/19", "94.5%"), ("Q1 2019/20", "96.0%")])
        .england(Q119, None, "87.0%")
        .said(Q119, "Q1 2019/20", "The percentage of community care services rated good or outstanding continues to be high and performance is significantly above the national average.");

    let area = "public-health";
    b.area(area, "Public Health", ASPH);
    b.ind(
        area,
        "health-checks-offered",
        "Number of NHS Health Checks offered to eligible population",
        COUNT,
        "H",
    )
    .group("Health Checks")
    .vals(
        Q118,
        &[
            ("2016/17", "75,892"),
            ("2017/18", "96,920"),
            ("Q1 2018/19", "29,348"),
        ],
    )
    .vals(
        Q119,
        &[
            ("Q2 2018/19", "26,286"),
            ("Q3 2018/19", "24,517"),
            ("Q4 2018/19", "24,078"),
            ("2018/19", "104,229"),
            ("Q1 2019/20", "37,683"),
        ],
    );
    b.ind(
        area,
        "health-checks-completed",
        "Number of NHS Health Checks completed",
        COUNT,
        "H",
    )
    .group("Health Checks")
    .vals(
        Q118,
        &[
            ("2016/17", "47,107"),
            ("2017/18", "51,486"),
            ("Q1 2018/19", "11,928"),
        ],
    )
    .vals(
        Q119,
        &[
            ("Q2 2018/19", "12,827"),
            ("Q3 2018/19", "14,274"),
            ("Q4 2018/19", "13,327"),
            ("2018/19", "52,266"),
            ("Q1 2019/20", "13,184"),
        ],
    );
    b.ind(area, "health-checks-completed-percent", "% completed of NHS Health Checks offered", PCT, "H")
        .group("Health Checks")
        .vals(Q118, &[("2016/17", "62.1%"), ("2017/18", "53.1%"), ("Q1 2018/19", "40.6%")])
        .england(Q118, None, "42.6%")
        .vals(Q119, &[("Q2 2018/19", "48.8%"), ("Q3 2018/19", "58.2%"), ("Q4 2018/19", "55.0%"), ("2018/19", "50.1%"), ("Q1 2019/20", "35.0%")])
        .england(Q119, Some("Q4 2018/19"), "49.1%")
        .said(Q119, "Q1 2019/20", "Although the number of invites in quarter 1 of 2019/20 rose dramatically compared to the previous quarter, the number taking up appointments and therefore the proportion having a health check of those offered both decreased.");
    b.ind(
        area,
        "smoking-at-delivery",
        "Percentage of women who smoke at time of delivery /prevalence of smoking",
        PCT,
        "L",
    )
    .group("Tobacco control")
    .vals(
        Q118,
        &[
            ("2016/17", "14.7%"),
            ("2017/18", "13.8%"),
            ("Q1 2018/19", "13.5%"),
        ],
    )
    .england(Q118, None, "10.4%");
    b.ind(area, "quit-smoking", "People self-reporting to have successfully quit smoking as a percentage of all those setting a quit date", PCT, "H")
        .group("Tobacco control")
        .vals(Q118, &[("2016/17", "47.4%"), ("2017/18", "51.0%"), ("Q1 2018/19", "47.7%")])
        .england(Q118, Some("2017/18"), "50.7%");
    for (id, name, group, a, c, d, eng) in [
        ("alcohol-no-representation", "Percentage of alcohol users that left alcohol treatment successfully who do not re-present to treatment within 6 months", "Alcohol", "54.4%", "52.1%", "52.1%", "37.8%"),
        ("opiate-no-representation", "% of opiate drug users that left drug treatment successfully who do not re-present to treatment within 6 months", "Drug use", "6.9%", "6.6%", "6.5%", "5.9%"),
        ("non-opiate-no-representation", "% of non-opiate drug users that left drug treatment successfully who do not re-present to treatment within 6 months", "Drug use", "52.2%", "51.1%", "46.7%", "34.8%"),
    ] {
        b.ind(area, id, name, PCT, "H")
            .group(group)
            .vals(Q119, &[("Jul 17 - Jun 18", a), ("Oct 17 - Sep 18", c), ("Jan 18 - Dec 18", d), ("Q4 2018/19", "n/a"), ("Q1 2019/20", "n/a")])
            .england(Q119, None, eng)
            .note("Rolling years, printed in the Q1, Q2 and Q3 2018/19 columns; the Q4 2018/19 and Q1 2019/20 columns print n/a.");
    }
}

impl Row<'_> {
    fn compare_same_last_year(self) -> Self {
        self.ind.compare_with = crate::domain::indicator::CompareWith::SameLastYear;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::validate::validate;

    fn demo_indicator<'a>(s: &'a Snapshot, id: &str) -> &'a Indicator {
        s.indicators
            .iter()
            .find(|i| i.id == id)
            .unwrap_or_else(|| panic!("no indicator {id}"))
    }

    fn shown(s: &Snapshot, id: &str, at: &str) -> String {
        let ind = demo_indicator(s, id);
        ind.value_for(&period(at))
            .map(|o| o.value.display(ind.unit))
            .unwrap_or_else(|| "(none)".to_owned())
    }

    #[test]
    fn the_demo_is_a_valid_snapshot() {
        let demo = lancashire();
        assert_eq!(validate(&demo), vec![]);
    }

    #[test]
    fn the_demo_holds_what_the_packs_print() {
        let demo = lancashire();
        let cases = [
            ("children-looked-after", "Q1 2019/20", "2,096 / 84.6"),
            ("referrals", "2016/17", "9,907 / 403.9"),
            ("re-referrals", "Q1 2019/20", "574 / 20.8%"),
            ("experienced-social-workers", "2016/17", "New measure"),
            ("children-in-need", "2018/19", "Not reported"),
            ("first-time-entrants", "Jan 18 - Dec 18", "191"),
            ("library-visits", "Q1 2019/20", "871,039"),
            ("delayed-transfers", "June 2019", "1,442"),
            ("alcohol-no-representation", "Q4 2018/19", "Not applicable"),
            ("defects-4-hours", "Q1 2019/20", "96.67%"),
        ];
        for (id, at, expected) in cases {
            assert_eq!(shown(&demo, id, at), expected, "{id} {at}");
        }
        let cla = demo_indicator(&demo, "children-looked-after");
        let england = cla
            .comparator(ComparatorKind::England)
            .expect("England average");
        assert_eq!(england.value.display(cla.unit), "64.0");
        assert_eq!(england.source.as_deref(), Some(Q119));
    }

    #[test]
    fn a_revised_figure_keeps_the_later_report_and_notes_the_earlier() {
        let demo = lancashire();
        let adoption = demo_indicator(&demo, "adoption-days-care-to-family");
        let y = adoption.value_for(&period("2017/18")).expect("2017/18");
        assert_eq!(y.value.number(), Some(428.0));
        assert_eq!(y.source.as_deref(), Some(Q119));
        assert_eq!(
            y.note.as_deref(),
            Some("Revised: the Q1 2018/19 report printed 426")
        );
        let unchanged = demo_indicator(&demo, "children-looked-after")
            .value_for(&period("2017/18"))
            .expect("2017/18");
        assert_eq!(
            unchanged.source.as_deref(),
            Some(Q118),
            "an equal figure keeps its first source"
        );
        assert_eq!(unchanged.note, None);
    }

    #[test]
    fn every_figure_says_which_document_it_came_from() {
        let demo = lancashire();
        for ind in &demo.indicators {
            for o in &ind.values {
                assert!(o.source.is_some(), "{} {}", ind.id, o.period);
            }
            for c in &ind.comparators {
                assert!(c.source.is_some(), "{} comparator", ind.id);
            }
        }
        assert!(demo
            .register
            .iter()
            .flat_map(|e| &e.assessments)
            .all(|a| a.source.is_some()));
        assert!(demo.complaints.iter().all(|c| c.source.is_some()));
    }

    #[test]
    fn the_register_holds_both_quarters_so_movement_shows() {
        let demo = lancashire();
        let q2_18 = period("Q2 2018/19");
        let q2_19 = period("Q2 2019/20");
        let cr1 = demo.register.iter().find(|e| e.id == "CR1").expect("CR1");
        let before = cr1
            .assessment(&q2_18)
            .and_then(|a| a.residual)
            .map(|s| s.value());
        let after = cr1
            .assessment(&q2_19)
            .and_then(|a| a.residual)
            .map(|s| s.value());
        assert_eq!((before, after), (Some(16), Some(16)));
        let cr9 = demo.register.iter().find(|e| e.id == "CR9").expect("CR9");
        assert_eq!(
            cr9.assessment(&q2_19)
                .and_then(|a| a.inherent)
                .map(|s| s.value()),
            Some(25)
        );
        assert_eq!(
            demo.register
                .iter()
                .filter(|e| e.assessment(&q2_18).is_some())
                .count(),
            15
        );
        assert_eq!(
            demo.register
                .iter()
                .filter(|e| e.assessment(&q2_19).is_some())
                .count(),
            16
        );
        assert!(
            demo.register.iter().any(|e| e.id == "CO4"),
            "CO4 is new in 2019/20"
        );
    }

    #[test]
    fn complaints_keep_the_reports_figures_and_their_disagreements() {
        let demo = lancashire();
        let adult = |year: &str| {
            demo.complaints
                .iter()
                .find(|c| {
                    c.procedure == crate::domain::complaints::Procedure::AdultSocialCare
                        && c.year == period(year)
                })
                .unwrap_or_else(|| panic!("adult {year}"))
        };
        assert_eq!(adult("2016/17").received, Some(479));
        assert_eq!(adult("2017/18").received, Some(540));
        assert_eq!(adult("2017/18").closed, Some(425));
        assert!(adult("2017/18").notes.iter().any(|n| n.contains("541")));
        assert_eq!(adult("2018/19").received, Some(538));
        let summary = demo.summary();
        assert_eq!(
            summary.complaint_years,
            ["2014/15", "2015/16", "2016/17", "2017/18", "2018/19"]
        );
    }
}
