//! The overview's filters, read from and written to the address.

use crate::domain::indicator::Indicator;
use crate::domain::period::Period;
use crate::indicators::overview::{
    assurance_from_key, signal_at, standing, travel, worse_than_england, Signal, Standing, Travel,
};
use crate::spc::Assurance;

/// The overview's filters, as held in the address so a view can be emailed:
/// `#/indicators?period=Q1%202019%2F20&area=adoptions&rag=red&travel=worsening&england=worse&q=care`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub period: Option<Period>,
    pub area: Option<String>,
    pub standing: Option<Standing>,
    pub travel: Option<Travel>,
    /// What the latest figure's variation says: `variation=concerning`.
    pub signal: Option<Signal>,
    /// Whether the target can be met: `assurance=fail`.
    pub assurance: Option<Assurance>,
    pub worse_than_england: bool,
    pub text: String,
}

impl Filter {
    /// Only `period`, with no other filter: what "Clear filters" and a
    /// saved figures form go to.
    pub fn for_period(period: Period) -> Filter {
        Filter {
            period: Some(period),
            ..Filter::default()
        }
    }

    /// What the counts above the tables are of: this filter without its
    /// standing, direction, variation and assurance, which the counts set.
    pub fn for_counts(&self) -> Filter {
        Filter {
            standing: None,
            travel: None,
            signal: None,
            assurance: None,
            ..self.clone()
        }
    }

    /// Whether any filter but the period narrows the overview, so that
    /// "Clear filters" has something to clear.
    pub fn narrows(&self) -> bool {
        *self
            != Filter {
                period: self.period,
                ..Filter::default()
            }
    }

    /// This filter at `period`, and by standing `s`; or, where it already
    /// is, no longer by standing: what a count of standings links to.
    pub fn toggle_standing(&self, s: Standing, period: Period) -> Filter {
        Filter {
            standing: (self.standing != Some(s)).then_some(s),
            period: Some(period),
            ..self.clone()
        }
    }

    /// This filter at `period`, and by direction `t`; or, where it already
    /// is, no longer by direction: what a count of directions links to.
    pub fn toggle_travel(&self, t: Travel, period: Period) -> Filter {
        Filter {
            travel: (self.travel != Some(t)).then_some(t),
            period: Some(period),
            ..self.clone()
        }
    }

    /// This filter at `period`, and by variation `s`; or, where it already
    /// is, no longer by variation: what a count of variations links to.
    pub fn toggle_signal(&self, s: Signal, period: Period) -> Filter {
        Filter {
            signal: (self.signal != Some(s)).then_some(s),
            period: Some(period),
            ..self.clone()
        }
    }

    /// This filter at `period`, and by assurance `a`; or, where it already
    /// is, no longer by assurance.
    pub fn toggle_assurance(&self, a: Assurance, period: Period) -> Filter {
        Filter {
            assurance: (self.assurance != Some(a)).then_some(a),
            period: Some(period),
            ..self.clone()
        }
    }

    /// Reads the query pairs of an address; unknown or unreadable values are ignored.
    pub fn from_query(pairs: &[(String, String)]) -> Filter {
        let mut filter = Filter::default();
        for (key, value) in pairs {
            match key.as_str() {
                "period" => filter.period = value.parse().ok(),
                "area" if !value.is_empty() => filter.area = Some(value.clone()),
                "rag" => filter.standing = Standing::from_key(value),
                "travel" => filter.travel = Travel::from_key(value),
                "variation" => filter.signal = Signal::from_key(value),
                "assurance" => filter.assurance = assurance_from_key(value),
                "england" => filter.worse_than_england = value == "worse",
                "q" => filter.text = value.trim().to_owned(),
                _ => {}
            }
        }
        filter
    }

    /// What in the address could not be read, in words, so a mistyped or
    /// out-of-date link says so instead of silently showing something else.
    pub fn unread(pairs: &[(String, String)]) -> Vec<String> {
        crate::route::unread_parts(pairs, |key, value| match key {
            "period" => value.parse::<Period>().is_ok(),
            "rag" => Standing::from_key(value).is_some(),
            "travel" => Travel::from_key(value).is_some(),
            "variation" => Signal::from_key(value).is_some(),
            "assurance" => assurance_from_key(value).is_some(),
            "england" => value == "worse",
            "area" | "q" => true,
            _ => false,
        })
    }

    /// What the overview says about its link: parts not understood, and a
    /// period with no figures.
    /// `periods` are the snapshot's [`reporting_periods`], worked out once by the caller.
    pub fn link_problem(periods: &[Period], pairs: &[(String, String)]) -> Option<String> {
        let no_figures = Filter::from_query(pairs)
            .period
            .filter(|p| !periods.contains(p))
            .map(|p| {
                format!("No indicator has a figure for {p}: choose another reporting period.")
            });
        crate::route::link_note(&Filter::unread(pairs), no_figures)
    }

    /// The overview's address with this filter.
    pub fn href(&self) -> String {
        crate::route::Route::Indicators.href_with(&self.to_query())
    }

    /// The query part of the address, without the "?"; empty with no filter.
    pub fn to_query(&self) -> String {
        use crate::route::percent_encode;
        let mut parts = vec![];
        if let Some(p) = &self.period {
            parts.push(format!("period={}", percent_encode(&p.to_string())));
        }
        if let Some(a) = &self.area {
            parts.push(format!("area={}", percent_encode(a)));
        }
        if let Some(s) = self.standing {
            parts.push(format!("rag={}", s.key()));
        }
        if let Some(t) = self.travel {
            parts.push(format!("travel={}", t.key()));
        }
        if let Some(s) = self.signal {
            parts.push(format!("variation={}", s.key()));
        }
        if let Some(a) = self.assurance {
            parts.push(format!("assurance={}", a.key()));
        }
        if self.worse_than_england {
            parts.push("england=worse".to_owned());
        }
        if !self.text.is_empty() {
            parts.push(format!("q={}", percent_encode(&self.text)));
        }
        parts.join("&")
    }

    /// Whether `indicator` passes every filter but the period, at `period`.
    pub fn matches(&self, indicator: &Indicator, period: &Period) -> bool {
        if self
            .area
            .as_deref()
            .is_some_and(|a| a != indicator.service_area)
        {
            return false;
        }
        if self
            .standing
            .is_some_and(|s| standing(indicator, period) != s)
        {
            return false;
        }
        if self.travel.is_some_and(|t| travel(indicator, period) != t) {
            return false;
        }
        if self.signal.is_some() || self.assurance.is_some() {
            let (signal, assurance) = signal_at(indicator, period);
            if self.signal.is_some_and(|s| s != signal)
                || self.assurance.is_some_and(|a| Some(a) != assurance)
            {
                return false;
            }
        }
        if self.worse_than_england && worse_than_england(indicator, period) != Some(true) {
            return false;
        }
        if !self.text.is_empty() {
            let needle = self.text.to_lowercase();
            let hay = format!(
                "{} {} {}",
                indicator.name,
                indicator.id,
                indicator.group.as_deref().unwrap_or("")
            )
            .to_lowercase();
            if !hay.contains(&needle) {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q1() -> Period {
        "Q1 2019/20".parse().expect("period")
    }

    #[test]
    fn a_count_toggles_its_own_filter_and_keeps_the_others() {
        let q1 = q1();
        let by_area = Filter {
            area: Some("adoptions".into()),
            travel: Some(Travel::Improving),
            ..Filter::default()
        };
        let red = by_area.toggle_standing(Standing::Red, q1);
        assert_eq!(red.standing, Some(Standing::Red));
        assert_eq!(red.period, Some(q1), "the count is for the period shown");
        assert_eq!(red.area.as_deref(), Some("adoptions"));
        assert_eq!(red.travel, Some(Travel::Improving));
        // Tapped again, the count stops filtering.
        assert_eq!(red.toggle_standing(Standing::Red, q1).standing, None);
        assert_eq!(
            red.toggle_standing(Standing::Green, q1).standing,
            Some(Standing::Green)
        );
        let worsening = red.toggle_travel(Travel::Worsening, q1);
        assert_eq!(worsening.travel, Some(Travel::Worsening));
        assert_eq!(worsening.standing, Some(Standing::Red));
        assert_eq!(worsening.toggle_travel(Travel::Worsening, q1).travel, None);
    }

    #[test]
    fn clearing_filters_keeps_only_the_period() {
        let q1 = q1();
        let only = Filter::for_period(q1);
        assert_eq!(only.to_query(), "period=Q1%202019%2F20");
        assert!(!only.narrows(), "a period alone is nothing to clear");
        assert!(!Filter::default().narrows());
        let narrowed = [
            Filter {
                text: "care".into(),
                ..only.clone()
            },
            Filter {
                worse_than_england: true,
                ..Filter::default()
            },
            only.toggle_standing(Standing::Amber, q1),
            only.toggle_travel(Travel::NoChange, q1),
            Filter {
                area: Some("adoptions".into()),
                ..only.clone()
            },
        ];
        for filter in narrowed {
            assert!(filter.narrows(), "{filter:?}");
        }
    }
}
