//! Parts against the whole they are shares of.

use crate::domain::value::group_thousands;

/// How parts given sit against the whole they are shares of.
pub(super) enum Fit {
    /// No parts, or parts within the whole.
    Fits,
    /// Parts given, but not the whole.
    NoBase,
    Over {
        total: u32,
        base: u32,
    },
}

pub(super) fn fit(parts: &[u32], base: Option<u32>) -> Fit {
    let total: u32 = parts.iter().sum();
    match base {
        _ if parts.is_empty() => Fit::Fits,
        None => Fit::NoBase,
        Some(base) if total > base => Fit::Over { total, base },
        Some(_) => Fit::Fits,
    }
}

pub(super) fn n(count: u32) -> String {
    group_thousands(f64::from(count), 0)
}
