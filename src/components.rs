//! Reusable views. None of them touches storage.

mod messages;
mod shell;

pub use messages::MessageRegions;
pub use shell::{SiteFooter, SiteHeader, SiteNav, SkipLink};

mod empty_state;
pub use empty_state::EmptyState;
