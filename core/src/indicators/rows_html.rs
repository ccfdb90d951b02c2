//! HTML text for the one view built as a string: the indicator tables' rows,
//! which a 1,000-indicator pack re-draws at every change of period. One
//! `innerHTML` costs the page far less than 30,000 separate DOM calls from
//! WebAssembly. Every text and attribute value passes through [`escape`], so
//! nothing in an imported file can become markup.

use std::fmt::Write;

/// `text` with `& < > " '` written as character references: safe as element
/// text and inside a double- or single-quoted attribute.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out.into()
}

/// A growing piece of HTML. Tags are written by the caller as literals; text
/// and attribute values only through [`Html::text`] and [`Html::attr`].
#[derive(Default, Debug)]
pub struct Html(String);

impl Html {
    pub fn with_capacity(bytes: usize) -> Self {
        Self(String::with_capacity(bytes))
    }

    /// Markup written by this program: a tag, never data.
    pub fn raw(&mut self, markup: &'static str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.0.push_str(&escape(text));
        self
    }

    /// ` name="value"`, the value escaped; the name is the program's own.
    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Self {
        let _ = write!(self.0, " {name}=\"{}\"", escape(value));
        self
    }

    /// An opening tag with its attributes: `open("td", &[("class", "numeric")])`.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.attr(name, value);
        }
        self.0.push('>');
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Self {
        let _ = write!(self.0, "</{tag}>");
        self
    }

    /// `<tag attrs>text</tag>`.
    pub fn element(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    pub fn finish(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_plain_text_alone_and_writes_references_for_markup() {
        assert!(matches!(
            escape("Adult social care"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(escape("£1,000 — 5%"), "£1,000 — 5%");
    }

    #[test]
    fn attributes_cannot_be_broken_out_of() {
        let mut html = Html::default();
        html.open(
            "a",
            &[("href", "#/x\" onmouseover=\"alert(1)"), ("title", "it's")],
        )
        .text("<b>")
        .close("a");
        assert_eq!(
            html.finish(),
            "<a href=\"#/x&quot; onmouseover=&quot;alert(1)\" title=\"it&#39;s\">&lt;b&gt;</a>"
        );
    }

    #[test]
    fn element_writes_open_text_close() {
        let mut html = Html::with_capacity(32);
        html.element("td", &[("class", "numeric")], "3 < 4");
        assert_eq!(html.finish(), "<td class=\"numeric\">3 &lt; 4</td>");
    }
}
