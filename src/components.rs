//! Reusable views. None of them touches storage.

mod file_import;
mod form;
mod messages;
mod reminder;
mod shell;
mod small_flag;
mod table_region;

pub use file_import::{FileChooser, PreviewPanel};
pub use form::{
    described_by, described_by_with, message_for, settle, summary_of, ErrorSummary, TextArea,
    TextField,
};
pub use messages::{MessageRegions, NoticesHere};
pub use reminder::ExportReminder;
pub use shell::{CopyLink, SiteFooter, SiteHeader, SiteNav, SkipLink};
pub use small_flag::SmallFlag;
pub use table_region::TableRegion;

mod empty_state;
mod notes;
mod radio;
pub use empty_state::{EmptyState, GettingStarted};
pub use notes::{LinkNote, SummaryRow};
pub use radio::Radio;

mod chart;
pub use chart::{ChartKind, FigureBlock, FigureTable, InPack};
