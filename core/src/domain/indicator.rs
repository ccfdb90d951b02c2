//! Performance indicators as the quarterly monitoring report holds them:
//! grouped by service area, each with a polarity, a unit, values by period,
//! comparators beside them, targets, hand-set ratings and commentary.

use serde::{Deserialize, Serialize};

use super::period::Period;
use super::rag::{Polarity, Rag, Target};
use super::value::{Unit, Value};

/// A directorate's service area: "Children's Social Care", "Adoptions".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ServiceArea {
    /// Stable id used in links and references, e.g. "childrens-social-care".
    pub id: String,
    pub name: String,
    /// The directorate the pack files it under, e.g. "Education and Children's Services".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directorate: Option<String>,
    /// The officers' commentary on the whole area, per period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commentary: Vec<Commentary>,
}

/// One performance indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id used in links: `#/indicators/<id>`.
    pub id: String,
    /// The id of the [`ServiceArea`] it belongs to.
    pub service_area: String,
    /// The measure as the pack words it.
    pub name: String,
    /// A sub-heading inside the service area ("Support for carers"), where the pack has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    pub unit: Unit,
    pub polarity: Polarity,
    /// Which earlier figure direction of travel compares with.
    #[serde(default, skip_serializing_if = "CompareWith::is_default")]
    pub compare_with: CompareWith,
    /// How it is defined, where the pack or the officer says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<String>,
    /// Who is responsible for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// A standing target for every period, unless a value carries its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// The id of the source document the indicator was first taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The council's own figures, one per period.
    #[serde(default)]
    pub values: Vec<Observation>,
    /// England, regional and statistical neighbour figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comparators: Vec<Comparator>,
    /// The officers' commentary on this indicator, per period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commentary: Vec<Commentary>,
    /// Footnotes the pack prints with the measure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Where the figures' process changed (a new way of counting, a new
    /// service), so that their control limits start again, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rebasings: Vec<Rebasing>,
}

/// A change of process: the control limits start again from `period`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rebasing {
    /// The first period of the new process.
    pub period: Period,
    /// Why the process changed, as the officer puts it.
    pub reason: String,
}

/// Which earlier figure a value is compared with for direction of travel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CompareWith {
    /// The previous period of the same kind (Q4 before Q1).
    #[default]
    PreviousPeriod,
    /// The same period a year earlier (Q1 2018/19 before Q1 2019/20), for seasonal measures.
    SameLastYear,
}

impl CompareWith {
    fn is_default(&self) -> bool {
        *self == CompareWith::default()
    }
}

/// The council's figure for one period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// The period the figure describes (its own, e.g. "Jan 18 - Dec 18",
    /// even where the pack prints it in a "Latest Available" column).
    pub period: Period,
    pub value: Value,
    /// A target for this period only, overriding the indicator's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// A rating set by hand, with the officer's reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rag_override: Option<RagOverride>,
    /// "provisional", "rolling year": what the pack prints beside the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The id of the source document the figure was taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A rating an officer set by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RagOverride {
    pub rag: Rag,
    pub reason: String,
}

/// Whose figure a comparator is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ComparatorKind {
    England,
    /// The region, e.g. North West.
    Region,
    StatisticalNeighbours,
}

impl ComparatorKind {
    pub fn label(self) -> &'static str {
        match self {
            ComparatorKind::England => "England average",
            ComparatorKind::Region => "Regional average",
            ComparatorKind::StatisticalNeighbours => "Statistical neighbours",
        }
    }
}

/// A comparator figure with its own period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Comparator {
    pub kind: ComparatorKind,
    /// The region's name for [`ComparatorKind::Region`], e.g. "North West".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The period the comparator describes, where the pack says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    pub value: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A commentary paragraph for one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Commentary {
    pub period: Period,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Indicator {
    /// An indicator with no figures, target, comparators or notes yet.
    pub fn new(
        id: &str,
        service_area: &str,
        name: &str,
        unit: Unit,
        polarity: Polarity,
    ) -> Indicator {
        Indicator {
            id: id.to_owned(),
            service_area: service_area.to_owned(),
            name: name.to_owned(),
            group: None,
            unit,
            polarity,
            compare_with: CompareWith::default(),
            definition: None,
            owner: None,
            target: None,
            source: None,
            values: vec![],
            comparators: vec![],
            commentary: vec![],
            notes: vec![],
            rebasings: vec![],
        }
    }

    /// The periods its control limits start again from.
    pub fn rebased_periods(&self) -> Vec<Period> {
        self.rebasings.iter().map(|r| r.period).collect()
    }

    /// Sets the figure for `period` as an officer gave it: a changed figure
    /// loses the pack's source and note (it no longer comes from the pack) but
    /// keeps its target and any rating set by hand. Returns whether it changed.
    pub fn set_figure(&mut self, period: Period, value: Value) -> bool {
        match self.values.iter_mut().find(|o| o.period == period) {
            Some(existing) if existing.value == value => false,
            Some(existing) => {
                existing.value = value;
                existing.source = None;
                existing.note = None;
                true
            }
            None => {
                self.values.push(Observation {
                    period,
                    value,
                    target: None,
                    rag_override: None,
                    note: None,
                    source: None,
                });
                true
            }
        }
    }

    /// The council's figure for `period`, if there is one.
    pub fn value_for(&self, period: &Period) -> Option<&Observation> {
        self.values.iter().find(|o| o.period == *period)
    }

    /// The most recent figure that is not missing, by the period's end.
    pub fn latest(&self) -> Option<&Observation> {
        self.values
            .iter()
            .filter(|o| o.value.number().is_some())
            .max_by(|a, b| a.period.timeline_cmp(&b.period))
    }

    /// The comparator of `kind` (the latest, where several are held).
    pub fn comparator(&self, kind: ComparatorKind) -> Option<&Comparator> {
        self.comparators
            .iter()
            .filter(|c| c.kind == kind)
            .max_by(|a, b| match (&a.period, &b.period) {
                (Some(x), Some(y)) => x.timeline_cmp(y),
                (None, Some(_)) => std::cmp::Ordering::Less,
                (Some(_), None) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::value::MissingReason;

    fn period(label: &str) -> Period {
        label.parse().expect("a pack label")
    }

    fn indicator() -> Indicator {
        Indicator {
            id: "cla".into(),
            service_area: "csc".into(),
            name: "Rate of Children Looked After".into(),
            group: None,
            unit: Unit::RatePer10000,
            polarity: Polarity::Low,
            compare_with: CompareWith::PreviousPeriod,
            definition: None,
            owner: None,
            target: None,
            source: None,
            values: vec![Observation {
                period: period("Q1 2019/20"),
                value: Value::parse("2,096/ 84.6", Unit::RatePer10000).expect("parses"),
                target: None,
                rag_override: None,
                note: None,
                source: None,
            }],
            comparators: vec![
                Comparator {
                    kind: ComparatorKind::England,
                    name: None,
                    period: Some(period("2017/18")),
                    value: Value::figure(62.0, 1),
                    source: None,
                },
                Comparator {
                    kind: ComparatorKind::England,
                    name: None,
                    period: Some(period("2018/19")),
                    value: Value::figure(64.0, 1),
                    source: None,
                },
                Comparator {
                    kind: ComparatorKind::Region,
                    name: Some("North West".into()),
                    period: None,
                    value: Value::missing(MissingReason::NotReported),
                    source: None,
                },
            ],
            commentary: vec![],
            notes: vec![],
            rebasings: vec![],
        }
    }

    #[test]
    fn finds_a_period_value_and_the_latest_comparator_of_a_kind() {
        let ind = indicator();
        let value = ind.value_for(&period("Q1 2019/20")).expect("held");
        assert_eq!(value.value.number(), Some(84.6));
        assert!(ind.value_for(&period("Q4 2018/19")).is_none());
        let england = ind.comparator(ComparatorKind::England).expect("held");
        assert_eq!(england.value.number(), Some(64.0));
        assert!(ind
            .comparator(ComparatorKind::StatisticalNeighbours)
            .is_none());
    }

    #[test]
    fn the_latest_figure_skips_missing_ones() {
        let mut ind = indicator();
        ind.values.push(Observation {
            period: period("Q2 2019/20"),
            value: Value::missing(MissingReason::NotYetAvailable),
            target: None,
            rag_override: None,
            note: None,
            source: None,
        });
        assert_eq!(ind.latest().map(|o| o.period), Some(period("Q1 2019/20")));
    }

    #[test]
    fn default_comparison_is_left_out_of_the_file_and_read_back() {
        let ind = indicator();
        let json = serde_json::to_string(&ind).expect("serialises");
        assert!(!json.contains("compare_with"), "{json}");
        let back: Indicator = serde_json::from_str(&json).expect("parses");
        assert_eq!(back, ind);
    }
}
