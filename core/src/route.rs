//! Routes as URL fragments (`#/indicators`, `#/indicators/<id>`, ...).
//!
//! Fragments need no server support: a link pasted into an email opens the
//! same view from any static host and any sub-path.

use crate::text::excerpt;
use std::fmt::Write as _;

/// A top-level section of the app, in the order the navigation shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Briefing,
    Indicators,
    Risks,
    Complaints,
    Pack,
    Data,
    Help,
}

impl Section {
    /// Every section, in navigation order.
    pub const ALL: [Section; 7] = [
        Section::Briefing,
        Section::Indicators,
        Section::Risks,
        Section::Complaints,
        Section::Pack,
        Section::Data,
        Section::Help,
    ];

    /// The word shown in the navigation.
    pub fn label(self) -> &'static str {
        match self {
            Section::Briefing => "Briefing",
            Section::Indicators => "Indicators",
            Section::Risks => "Risks",
            Section::Complaints => "Complaints",
            Section::Pack => "Print pack",
            Section::Data => "Data",
            Section::Help => "Help",
        }
    }

    /// The path segment after `#/`.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Briefing => "briefing",
            Section::Indicators => "indicators",
            Section::Risks => "risks",
            Section::Complaints => "complaints",
            Section::Pack => "pack",
            Section::Data => "data",
            Section::Help => "help",
        }
    }

    /// The section's own route.
    pub fn route(self) -> Route {
        match self {
            Section::Briefing => Route::Briefing,
            Section::Indicators => Route::Indicators,
            Section::Risks => Route::Risks,
            Section::Complaints => Route::Complaints,
            Section::Pack => Route::Pack,
            Section::Data => Route::Data,
            Section::Help => Route::Help,
        }
    }
}

/// Where the user is. Parsed from `location.hash`, printed back by [`Route::href`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/briefing`: what needs the committee's attention, and what to ask.
    Briefing,
    Indicators,
    Indicator {
        id: String,
    },
    /// `#/enter`: an officer enters a period's figures for many indicators.
    EnterFigures,
    Risks,
    /// `#/risks/CR1`: one entry, every quarter, its history and its forms.
    RiskEntry {
        id: String,
    },
    /// `#/risks/new`: add a risk or opportunity.
    NewRiskEntry,
    /// `#/risks/bands`: the score bands and risk appetite.
    ScoreBands,
    Complaints,
    /// `#/complaints/figures?procedure=…&year=…`: change a year's figures
    /// (or, without a year held, add one).
    ComplaintsFigures,
    /// `#/complaints/cases`: sum a case list into the yearly figures.
    ComplaintsCases,
    /// `#/pack`: the committee pack, set out for printing.
    Pack,
    Data,
    /// `#/data/bring-in`: a council's own spreadsheets brought in.
    BringIn,
    /// `#/compare`: what changed between the data open now and another pack.
    Compare,
    /// `#/data/combine`: the file waiting to be opened combined with the
    /// data open now, item by item.
    Combine,
    Help,
    /// `#/accessibility`: the accessibility statement the regulations require.
    Accessibility,
    /// A fragment that names no view; `path` is what was asked for, decoded.
    NotFound {
        path: String,
    },
}

impl Default for Route {
    /// An empty fragment opens the indicators: the screen councillors read first.
    fn default() -> Self {
        Route::Indicators
    }
}

impl Route {
    /// Parses a `location.hash` value such as `#/indicators/CSC-01?area=x`.
    ///
    /// The query part (after `?`) does not choose the view; see [`split_query`].
    /// Trailing slashes and a missing leading slash are forgiven, because people
    /// edit links by hand.
    pub fn from_hash(hash: &str) -> Route {
        let (path, _query) = split_query(hash);
        let path = path.strip_prefix('#').unwrap_or(path);
        let path = path.trim_matches('/');
        if path.is_empty() {
            return Route::default();
        }
        let segments: Vec<String> = path.split('/').map(percent_decode).collect();
        let segs: Vec<&str> = segments.iter().map(String::as_str).collect();
        match segs.as_slice() {
            ["briefing"] => Route::Briefing,
            ["indicators"] => Route::Indicators,
            ["indicators", id] if !id.is_empty() => Route::Indicator {
                id: (*id).to_owned(),
            },
            ["enter"] => Route::EnterFigures,
            ["risks"] => Route::Risks,
            ["risks", "new"] => Route::NewRiskEntry,
            ["risks", "bands"] => Route::ScoreBands,
            ["risks", id] if !id.is_empty() => Route::RiskEntry {
                id: (*id).to_owned(),
            },
            ["complaints"] => Route::Complaints,
            ["complaints", "figures"] => Route::ComplaintsFigures,
            ["complaints", "cases"] => Route::ComplaintsCases,
            ["pack"] => Route::Pack,
            ["data"] => Route::Data,
            ["data", "bring-in"] => Route::BringIn,
            ["compare"] => Route::Compare,
            ["data", "combine"] => Route::Combine,
            ["help"] => Route::Help,
            ["accessibility"] => Route::Accessibility,
            // An encoded slash stays encoded: the path keeps its segments,
            // so its link asks for the same path again.
            _ => Route::NotFound {
                path: format!(
                    "/{}",
                    segments
                        .iter()
                        .map(|s| s.replace('/', "%2F"))
                        .collect::<Vec<_>>()
                        .join("/")
                ),
            },
        }
    }

    /// The fragment for a link, e.g. `#/indicators/CSC%2001`.
    pub fn href(&self) -> String {
        match self {
            Route::Indicator { id } => format!("#/indicators/{}", percent_encode(id)),
            Route::EnterFigures => "#/enter".to_owned(),
            Route::RiskEntry { id } => format!("#/risks/{}", percent_encode(id)),
            Route::NewRiskEntry => "#/risks/new".to_owned(),
            Route::ScoreBands => "#/risks/bands".to_owned(),
            Route::ComplaintsFigures => "#/complaints/figures".to_owned(),
            Route::ComplaintsCases => "#/complaints/cases".to_owned(),
            Route::BringIn => "#/data/bring-in".to_owned(),
            Route::Compare => "#/compare".to_owned(),
            Route::Combine => "#/data/combine".to_owned(),
            Route::Accessibility => "#/accessibility".to_owned(),
            Route::NotFound { path } => {
                let encoded: Vec<String> = path
                    .trim_start_matches('/')
                    .split('/')
                    .map(percent_encode)
                    .collect();
                format!("#/{}", encoded.join("/"))
            }
            other => match other.section() {
                Some(section) => format!("#/{}", section.slug()),
                None => "#/".to_owned(),
            },
        }
    }

    /// The fragment with a query (without its "?"), or none where it is empty.
    pub fn href_with(&self, query: &str) -> String {
        if query.is_empty() {
            self.href()
        } else {
            format!("{}?{query}", self.href())
        }
    }

    /// The section whose navigation link is current for this route.
    pub fn section(&self) -> Option<Section> {
        match self {
            Route::Briefing => Some(Section::Briefing),
            Route::Indicators | Route::Indicator { .. } | Route::EnterFigures => {
                Some(Section::Indicators)
            }
            Route::Risks | Route::RiskEntry { .. } | Route::NewRiskEntry | Route::ScoreBands => {
                Some(Section::Risks)
            }
            Route::Complaints | Route::ComplaintsFigures | Route::ComplaintsCases => {
                Some(Section::Complaints)
            }
            Route::Pack => Some(Section::Pack),
            Route::Data | Route::BringIn | Route::Compare | Route::Combine => Some(Section::Data),
            Route::Help => Some(Section::Help),
            // Reached from the footer and from Help, so no section is current.
            Route::Accessibility | Route::NotFound { .. } => None,
        }
    }

    /// The page title's first part, before " – Scrutineer".
    pub fn title(&self) -> String {
        match self {
            Route::Briefing => "Briefing: what to ask about".to_owned(),
            Route::Indicators => "Performance indicators".to_owned(),
            Route::Indicator { id } => format!("Indicator {id}"),
            Route::EnterFigures => "Enter figures".to_owned(),
            Route::Risks => "Risks and opportunities".to_owned(),
            Route::RiskEntry { id } => format!("Register entry {id}"),
            Route::NewRiskEntry => "Add a risk or opportunity".to_owned(),
            Route::ScoreBands => "Score bands and risk appetite".to_owned(),
            Route::Complaints => "Complaints and compliments".to_owned(),
            Route::ComplaintsFigures => "A year's complaints figures".to_owned(),
            Route::ComplaintsCases => "Bring in a complaints case list".to_owned(),
            Route::Pack => "Committee pack".to_owned(),
            Route::Data => "Data: open, save and share".to_owned(),
            Route::BringIn => "Bring in your council's spreadsheets".to_owned(),
            Route::Compare => "What changed between two packs".to_owned(),
            Route::Combine => "Combine a file with the data open now".to_owned(),
            Route::Help => "Help".to_owned(),
            Route::Accessibility => "Accessibility statement".to_owned(),
            Route::NotFound { .. } => "Page not found".to_owned(),
        }
    }
}

/// The parts of an address's query that `readable` rejects, each as
/// `key "value"`, so a mistyped or out-of-date link can say what it ignored.
pub fn unread_parts(
    pairs: &[(String, String)],
    readable: impl Fn(&str, &str) -> bool,
) -> Vec<String> {
    pairs
        .iter()
        .filter(|(key, value)| !readable(key, value))
        .map(|(key, value)| format!("{key} \u{201c}{}\u{201d}", excerpt(value)))
        .collect()
}

/// What a page says about its link: the parts not understood, then
/// `also` (a part understood but not honoured), or nothing.
pub fn link_note(unread: &[String], also: Option<String>) -> Option<String> {
    let mut parts = vec![];
    if !unread.is_empty() {
        parts.push(format!(
            "This link asks for {}, which Scrutineer does not understand, so that part is ignored.",
            unread.join(" and ")
        ));
    }
    parts.extend(also);
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Splits `#/path?query` into the path part and the query pairs, decoded.
pub fn split_query(hash: &str) -> (&str, Vec<(String, String)>) {
    match hash.split_once('?') {
        None => (hash, Vec::new()),
        Some((path, query)) => {
            let pairs = query
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                    (
                        percent_decode(key),
                        percent_decode(&value.replace('+', " ")),
                    )
                })
                .collect();
            (path, pairs)
        }
    }
}

/// Decodes `%XX` escapes as UTF-8. A malformed escape is kept as typed, and
/// bytes that are not UTF-8 become U+FFFD: a bad link must still open a page.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(byte) = hex.and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes everything but RFC 3986 unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fragments_open_the_indicators() {
        for hash in ["", "#", "#/", "#//", "/"] {
            assert_eq!(Route::from_hash(hash), Route::Indicators, "{hash:?}");
        }
    }

    #[test]
    fn every_section_round_trips_through_its_href() {
        for section in Section::ALL {
            let route = section.route();
            assert_eq!(Route::from_hash(&route.href()), route);
            assert_eq!(route.section(), Some(section));
            assert_eq!(route.href(), format!("#/{}", section.slug()));
        }
    }

    #[test]
    fn trailing_slashes_and_missing_leading_slash_are_forgiven() {
        assert_eq!(Route::from_hash("#/risks/"), Route::Risks);
        assert_eq!(Route::from_hash("#risks"), Route::Risks);
        assert_eq!(Route::from_hash("#/risks/new"), Route::NewRiskEntry);
        assert_eq!(Route::from_hash("#/risks/bands/"), Route::ScoreBands);
        let entry = Route::from_hash("#/risks/CR1.2?quarter=Q2%202019%2F20");
        assert_eq!(entry, Route::RiskEntry { id: "CR1.2".into() });
        assert_eq!(entry.href(), "#/risks/CR1.2");
        assert_eq!(entry.href_with("quarter=Q2"), "#/risks/CR1.2?quarter=Q2");
        assert_eq!(Route::Risks.href_with(""), "#/risks");
        assert_eq!(entry.section(), Some(Section::Risks));
        assert_eq!(Route::from_hash("#/help//"), Route::Help);
    }

    #[test]
    fn the_bring_in_page_round_trips_and_highlights_data() {
        assert_eq!(Route::from_hash(&Route::BringIn.href()), Route::BringIn);
        assert_eq!(Route::from_hash("#/data/bring-in/"), Route::BringIn);
        assert_eq!(Route::BringIn.section(), Some(Section::Data));
    }

    #[test]
    fn the_compare_page_round_trips_under_data() {
        assert_eq!(Route::from_hash(&Route::Compare.href()), Route::Compare);
        assert_eq!(Route::Compare.href(), "#/compare");
        assert_eq!(Route::from_hash(&Route::Combine.href()), Route::Combine);
        assert_eq!(Route::from_hash("#/data/combine/"), Route::Combine);
        assert_eq!(Route::Combine.section(), Some(Section::Data));
        assert_eq!(Route::from_hash("#compare/"), Route::Compare);
        assert_eq!(Route::Compare.section(), Some(Section::Data));
        assert_eq!(Route::Compare.title(), "What changed between two packs");
    }

    #[test]
    fn the_accessibility_statement_has_its_own_address_under_no_section() {
        let route = Route::from_hash("#/accessibility");
        assert_eq!(route, Route::Accessibility);
        assert_eq!(route.href(), "#/accessibility");
        assert_eq!(Route::from_hash(&route.href()), route);
        assert_eq!(Route::from_hash("#accessibility/"), route);
        assert_eq!(Route::from_hash("#/accessibility?from=help"), route);
        assert_eq!(route.section(), None);
        assert_eq!(route.title(), "Accessibility statement");
        assert_eq!(
            Route::from_hash("#/accessibility/more"),
            Route::NotFound {
                path: "/accessibility/more".into()
            }
        );
    }

    #[test]
    fn the_complaints_pages_round_trip_and_highlight_complaints() {
        for route in [Route::ComplaintsFigures, Route::ComplaintsCases] {
            assert_eq!(Route::from_hash(&route.href()), route);
            assert_eq!(route.section(), Some(Section::Complaints));
        }
        assert_eq!(
            Route::from_hash("#/complaints/figures?procedure=corporate&year=2018%2F19"),
            Route::ComplaintsFigures
        );
    }

    #[test]
    fn an_indicator_route_keeps_its_id_and_highlights_indicators() {
        let route = Route::from_hash("#/indicators/CSC-01");
        assert_eq!(
            route,
            Route::Indicator {
                id: "CSC-01".into()
            }
        );
        assert_eq!(route.section(), Some(Section::Indicators));
        assert_eq!(route.title(), "Indicator CSC-01");
    }

    #[test]
    fn entering_figures_has_its_own_address_under_indicators() {
        let route = Route::from_hash("#/enter?period=Q2%202019%2F20");
        assert_eq!(route, Route::EnterFigures);
        assert_eq!(Route::from_hash(&route.href()), route);
        assert_eq!(route.section(), Some(Section::Indicators));
        assert_eq!(route.title(), "Enter figures");
    }

    #[test]
    fn ids_with_spaces_and_non_ascii_survive_encoding() {
        let route = Route::Indicator {
            id: "CLA rate/10k é".into(),
        };
        let href = route.href();
        assert_eq!(href, "#/indicators/CLA%20rate%2F10k%20%C3%A9");
        assert_eq!(Route::from_hash(&href), route);
    }

    #[test]
    fn unknown_routes_are_not_found_with_the_path_asked_for() {
        assert_eq!(
            Route::from_hash("#/reports/2019"),
            Route::NotFound {
                path: "/reports/2019".into()
            }
        );
        assert_eq!(
            Route::from_hash("#/indicators/a/b"),
            Route::NotFound {
                path: "/indicators/a/b".into()
            }
        );
        let nf = Route::from_hash("#/no%20such");
        assert_eq!(
            nf,
            Route::NotFound {
                path: "/no such".into()
            }
        );
        assert_eq!(nf.section(), None);
        assert_eq!(Route::from_hash(&nf.href()), nf);
    }

    #[test]
    fn what_a_link_asked_and_was_not_understood_is_said_in_one_sentence() {
        let pairs = split_query("#/risks?cell=6-1&q=ict&colour=red").1;
        let unread = unread_parts(&pairs, |key, value| {
            key == "q" || (key == "cell" && value != "6-1")
        });
        assert_eq!(
            unread,
            vec!["cell \u{201c}6-1\u{201d}", "colour \u{201c}red\u{201d}"]
        );
        assert_eq!(
            link_note(&unread, Some("And more.".into())).as_deref(),
            Some("This link asks for cell \u{201c}6-1\u{201d} and colour \u{201c}red\u{201d}, which Scrutineer does not understand, so that part is ignored. And more.")
        );
        assert_eq!(link_note(&[], None), None);
        assert_eq!(
            link_note(&[], Some("Only this.".into())).as_deref(),
            Some("Only this.")
        );
    }

    #[test]
    fn the_query_does_not_change_the_view_and_is_decoded() {
        assert_eq!(
            Route::from_hash("#/indicators?area=waste&rag=red"),
            Route::Indicators
        );
        let (path, pairs) = split_query("#/indicators?area=Street+lighting&q=a%26b&flag");
        assert_eq!(path, "#/indicators");
        assert_eq!(
            pairs,
            vec![
                ("area".to_owned(), "Street lighting".to_owned()),
                ("q".to_owned(), "a&b".to_owned()),
                ("flag".to_owned(), String::new()),
            ]
        );
    }

    #[test]
    fn malformed_escapes_are_kept_as_typed() {
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz1"), "%zz1");
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
        assert_eq!(percent_decode("%é1"), "%é1");
    }

    #[test]
    fn titles_name_each_view() {
        assert_eq!(Route::Risks.title(), "Risks and opportunities");
        assert_eq!(
            Route::NotFound { path: "/x".into() }.title(),
            "Page not found"
        );
    }
}
