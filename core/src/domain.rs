//! The domain: what a committee pack holds.

pub mod period;
pub mod rag;
pub mod risk;
pub mod value;
