//! Reusable views. None of them touches storage.

mod messages;
mod reminder;
mod shell;

pub use messages::MessageRegions;
pub use reminder::ExportReminder;
pub use shell::{SiteFooter, SiteHeader, SiteNav, SkipLink};

mod empty_state;
pub use empty_state::EmptyState;
