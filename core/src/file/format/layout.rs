//! How JSON text is written and laid out: one serializer type for both the
//! pretty file and the compact stored record.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// Any value as JSON text, straight from the model (no JSON tree between).
/// Files and stored records both go through this one serializer type, so
/// serde's code for the whole model is compiled once into the app, not once
/// per layout.
pub fn write_text<T: Serialize>(value: &T, layout: Layout) -> String {
    let mut bytes = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, layout);
    match value.serialize(&mut serializer) {
        // serde_json writes only UTF-8.
        Ok(()) => String::from_utf8(bytes).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// How the text is laid out: indented for a file people open and diff,
/// compact for browser storage. serde_json's own formatters do the work.
pub enum Layout {
    Pretty(PrettyFormatter<'static>),
    Compact(CompactFormatter),
}

impl Layout {
    pub fn pretty() -> Layout {
        Layout::Pretty(PrettyFormatter::new())
    }

    pub fn compact() -> Layout {
        Layout::Compact(CompactFormatter)
    }
}

/// Calls the same method of whichever formatter the layout holds.
macro_rules! either {
    ($layout:expr, $f:ident => $call:expr) => {
        match $layout {
            Layout::Pretty($f) => $call,
            Layout::Compact($f) => $call,
        }
    };
}

/// Only the methods where pretty and compact differ: serde_json's defaults
/// (numbers, strings, escapes) are the same for both.
impl Formatter for Layout {
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        either!(self, f => f.begin_array(w))
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        either!(self, f => f.end_array(w))
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        either!(self, f => f.begin_array_value(w, first))
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        either!(self, f => f.end_array_value(w))
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        either!(self, f => f.begin_object(w))
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        either!(self, f => f.end_object(w))
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        either!(self, f => f.begin_object_key(w, first))
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        either!(self, f => f.begin_object_value(w))
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        either!(self, f => f.end_object_value(w))
    }
}
