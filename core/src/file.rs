//! The snapshot file and its storage: the envelope, migrations and the import
//! gate, validation, generic CSV reading, what is stored and when, the
//! built-in demo and the synthetic benchmark data, and sharing a copy.

pub mod csv;
pub mod demo;
pub mod fingerprint;
pub mod format;
pub mod read;
pub mod saving;
#[cfg(feature = "schema")]
pub mod schema;
pub mod share;
pub mod store;
pub mod synthetic;
pub mod validate;
pub mod versions;
