//! The register's quarters: those it has assessments for, and the one
//! before or after a given quarter.

use crate::domain::period::Period;
use crate::domain::snapshot::Snapshot;
use crate::sort;

/// The quarters the register has assessments for, earliest first.
pub fn quarters(snapshot: &Snapshot) -> Vec<Period> {
    let mut list: Vec<Period> = snapshot
        .register
        .iter()
        .flat_map(|e| e.assessments.iter().map(|a| a.period))
        .collect();
    sort::by(&mut list, Period::timeline_cmp);
    list.dedup();
    list
}

/// The register quarter before `quarter`, if there is one.
pub fn previous_quarter(snapshot: &Snapshot, quarter: &Period) -> Option<Period> {
    quarters(snapshot)
        .into_iter()
        .rfind(|q| q.timeline_cmp(quarter).is_lt())
}

/// The quarter after `period`: Q4 2018/19 is followed by Q1 2019/20.
pub fn next_quarter(period: &Period) -> Option<Period> {
    match *period {
        Period::Quarter {
            start_year,
            quarter: 4,
        } => Some(Period::Quarter {
            start_year: start_year + 1,
            quarter: 1,
        }),
        Period::Quarter {
            start_year,
            quarter,
        } => Some(Period::Quarter {
            start_year,
            quarter: quarter + 1,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::fixtures::{demo_snapshot, q};

    #[test]
    fn quarters_come_from_the_assessments_in_time_order() {
        let s = demo_snapshot();
        assert_eq!(quarters(&s), vec![q("Q2 2018/19"), q("Q2 2019/20")]);
        assert_eq!(
            previous_quarter(&s, &q("Q2 2019/20")),
            Some(q("Q2 2018/19"))
        );
        assert_eq!(previous_quarter(&s, &q("Q2 2018/19")), None);
        assert_eq!(next_quarter(&q("Q4 2018/19")), Some(q("Q1 2019/20")));
        assert_eq!(next_quarter(&q("Q2 2019/20")), Some(q("Q3 2019/20")));
        assert_eq!(next_quarter(&q("2019/20")), None);
    }
}
