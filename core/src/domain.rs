//! The domain: what a committee pack holds.

pub mod period;
pub mod risk;
pub mod value;
