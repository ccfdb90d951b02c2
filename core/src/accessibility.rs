//! The accessibility statement (`#/accessibility`): the sentences of it that
//! are computed, so that they are tested here. The chart colours' contrast
//! is worked out from the colours themselves (a test checks they are the
//! stylesheet's), the council's name and contact come from the pack details,
//! and the dates are the statement's own. Its fixed prose is in the view.

use chrono::NaiveDate;

use crate::dates::long_date;

/// The day the statement was prepared, and the day it was last reviewed.
pub fn prepared() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
}

/// The day the app was last tested, as the statement describes.
pub fn last_tested() -> NaiveDate {
    prepared()
}

/// "This statement was prepared on 1 December 2026. It was last reviewed on 1 December 2026."
pub fn preparation() -> String {
    format!(
        "This statement was prepared on {}. It was last reviewed on {}.",
        long_date(prepared()),
        long_date(prepared())
    )
}

/// When the app was last tested and by whom.
pub fn testing() -> String {
    format!(
        "This app was last tested on {}. The tests were carried out by the people who make Scrutineer, as described below.",
        long_date(last_tested())
    )
}

/// What the statement covers, for `organisation`'s pack.
pub fn applies_to(organisation: &str) -> String {
    format!(
        "This accessibility statement applies to Scrutineer, the app {} uses to publish its committee pack (performance indicators, the risk and opportunity register, and complaints and compliments) for councillors, officers and the public to read.",
        council(organisation)
    )
}

/// Who runs the app.
pub fn run_by(organisation: &str) -> String {
    format!(
        "This app is run by {}. We want as many people as possible to be able to use it. For example, that means you should be able to:",
        council(organisation)
    )
}

/// The regulations' required sentence, in the council's name.
pub fn committed(organisation: &str) -> String {
    format!(
        "{} is committed to making this app accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.",
        crate::text::capitalise(&council(organisation))
    )
}

/// The council's name, or "the council" where the pack has none.
fn council(organisation: &str) -> String {
    match organisation.trim() {
        "" => "the council".to_owned(),
        name => name.to_owned(),
    }
}

/// Where to report an accessibility problem, as the pack details give it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Contact {
    Email(String),
    /// A phone number as given, and the digits to dial.
    Phone {
        shown: String,
        dial: String,
    },
    /// A web address (http or https only).
    Web(String),
    /// Anything else: shown as given, with no link.
    Other(String),
}

impl Contact {
    /// The contact in the pack details, if it gives one (blank gives none).
    pub fn of(given: Option<&str>) -> Option<Contact> {
        let text = given.map(str::trim).filter(|t| !t.is_empty())?;
        Some(if is_email(text) {
            Contact::Email(text.to_owned())
        } else if let Some(dial) = phone_digits(text) {
            Contact::Phone {
                shown: text.to_owned(),
                dial,
            }
        } else if is_web(text) {
            Contact::Web(text.to_owned())
        } else {
            Contact::Other(text.to_owned())
        })
    }

    /// The contact as shown.
    pub fn text(&self) -> &str {
        match self {
            Contact::Email(t) | Contact::Web(t) | Contact::Other(t) => t,
            Contact::Phone { shown, .. } => shown,
        }
    }

    /// The link it opens: an email, a call, a web page. None for other text.
    pub fn href(&self) -> Option<String> {
        match self {
            Contact::Email(address) => Some(format!("mailto:{address}")),
            Contact::Phone { dial, .. } => Some(format!("tel:{dial}")),
            Contact::Web(address) => Some(address.clone()),
            Contact::Other(_) => None,
        }
    }

    /// The words before the contact: how to use it.
    pub fn lead(&self, organisation: &str) -> String {
        let how = match self {
            Contact::Email(_) => "email",
            Contact::Phone { .. } => "phone",
            Contact::Web(_) => "use",
            Contact::Other(_) => "contact",
        };
        format!(
            "If you find a problem not listed on this page, or you need any part of this pack in a different format such as large print, audio or braille, {how} {}:",
            council(organisation)
        )
    }
}

/// What the statement says where the pack details give no contact.
pub fn no_contact(organisation: &str) -> String {
    format!(
        "{} has not given an accessibility contact yet, so this statement cannot yet say how to report a problem to the council.",
        crate::text::capitalise(&council(organisation))
    )
}

fn is_email(text: &str) -> bool {
    let Some((name, domain)) = text.split_once('@') else {
        return false;
    };
    !name.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.contains(char::is_whitespace)
        && !domain.contains('@')
        && !text.contains(['<', '>', '"', '?', '&', '#', ':', '/'])
}

/// The digits to dial, where the text is a phone number: digits with
/// spaces, hyphens, brackets and a leading +, at least 7 digits.
fn phone_digits(text: &str) -> Option<String> {
    let allowed = text.chars().enumerate().all(|(i, c)| {
        c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')') || (c == '+' && i == 0)
    });
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    (allowed && (7..=15).contains(&digits.len())).then(|| {
        if text.starts_with('+') {
            format!("+{digits}")
        } else {
            digits
        }
    })
}

fn is_web(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|rest| rest.contains('.') && !text.contains(char::is_whitespace))
}

/// A colour as the stylesheet writes it: #rrggbb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The page's background.
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

impl Rgb {
    /// "#28a197".
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance, as WCAG 2.2 defines it.
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// The contrast ratio of two colours, from 1 (the same) to 21 (black on white).
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (a, b) = (a.luminance(), b.luminance());
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// A ratio as the statement prints it: "3.03 to 1", cut (never rounded up)
/// to two decimals, since 2.999 does not meet 3.
pub fn ratio_label(ratio: f64) -> String {
    format!("{:.2} to 1", (ratio * 100.0).floor() / 100.0)
}

/// What parts of a chart must reach against their background (WCAG 2.2
/// success criterion 1.4.11, non-text contrast).
pub const NON_TEXT_MINIMUM: f64 = 3.0;

/// Below this, a colour that meets the minimum is said to meet it only just.
pub const ONLY_JUST: f64 = 3.5;

/// A colour the charts draw with, named in words, with the rule of the
/// stylesheet (`style/main.css`) that sets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartColour {
    pub name: &'static str,
    pub colour: Rgb,
    pub css: &'static str,
}

/// Every colour the charts fill or draw a line with, in the stylesheet's order.
pub const CHART_COLOURS: [ChartColour; 7] = [
    ChartColour {
        name: "dark blue",
        colour: Rgb(0x12, 0x43, 0x6d),
        css: ".series-0 { fill: #12436d; }",
    },
    ChartColour {
        name: "turquoise",
        colour: Rgb(0x28, 0xa1, 0x97),
        css: ".series-1 { fill: #28a197; }",
    },
    ChartColour {
        name: "dark pink",
        colour: Rgb(0x80, 0x16, 0x50),
        css: ".series-2 { fill: #801650; }",
    },
    ChartColour {
        name: "orange",
        colour: Rgb(0xf4, 0x6a, 0x25),
        css: ".series-3 { fill: #f46a25; }",
    },
    ChartColour {
        name: "dark grey",
        colour: Rgb(0x3d, 0x3d, 0x3d),
        css: ".series-4 { fill: #3d3d3d; }",
    },
    ChartColour {
        name: "light purple",
        colour: Rgb(0xa2, 0x85, 0xd1),
        css: ".series-5 { fill: #a285d1; }",
    },
    ChartColour {
        name: "orange dashed target line",
        colour: Rgb(0xf4, 0x6a, 0x25),
        css: ".chart__reference { stroke: #f46a25;",
    },
];

/// What the statement says of the chart colours' contrast against the
/// white page: those below the minimum (a failure), then those that meet
/// it only just, each with its ratio. None where every colour is clear.
pub fn chart_contrast(colours: &[ChartColour]) -> Vec<String> {
    let listed = |pick: &dyn Fn(f64) -> bool| -> Vec<String> {
        colours
            .iter()
            .map(|c| (c, contrast_ratio(c.colour, WHITE)))
            .filter(|(_, ratio)| pick(*ratio))
            .map(|(c, ratio)| format!("{} ({}) {}", c.name, c.colour.hex(), ratio_label(ratio)))
            .collect()
    };
    let below = listed(&|ratio| ratio < NON_TEXT_MINIMUM);
    let just = listed(&|ratio| (NON_TEXT_MINIMUM..ONLY_JUST).contains(&ratio));
    let mut said = vec![];
    if !below.is_empty() {
        said.push(format!(
            "Some chart colours have less contrast against the white page than the 3 to 1 that WCAG 2.2 asks of the parts of a chart (success criterion 1.4.11, non-text contrast): {}. Every figure is printed on the chart and given in the table under it.",
            and_list(&below)
        ));
    }
    if !just.is_empty() {
        said.push(format!(
            "Some chart colours have a contrast of only about 3 to 1 against the white page: {}. That meets the 3 to 1 that WCAG 2.2 asks of the parts of a chart (success criterion 1.4.11, non-text contrast), but only just, so some people may find those bars and lines hard to see. Every figure is printed on the chart and given in the table under it.",
            and_list(&just)
        ));
    }
    said
}

/// The two chart fills most alike in lightness, and their ratio to each
/// other, for the sentence on telling series apart by colour.
pub fn most_alike(colours: &[ChartColour]) -> Option<String> {
    let fills: Vec<&ChartColour> = colours.iter().filter(|c| c.css.contains("fill:")).collect();
    let mut best: Option<(f64, &ChartColour, &ChartColour)> = None;
    for (i, a) in fills.iter().enumerate() {
        for b in &fills[i + 1..] {
            let ratio = contrast_ratio(a.colour, b.colour);
            if best.is_none_or(|(least, _, _)| ratio < least) {
                best = Some((ratio, a, b));
            }
        }
    }
    best.map(|(ratio, a, b)| {
        format!(
            "In the stacked and grouped bar charts on the Complaints page and in the pack, which bar or part of a bar belongs to which series is shown by its colour and its place, with a key above the chart. Several of the colours are alike in lightness and differ mainly in hue (the {} and {} fills have a contrast of {} with each other), so people who do not see colour well may not tell them apart. This fails WCAG 2.2 success criterion 1.4.1 (use of colour). Each bar's figure is printed on it, and \u{201c}Show the figures as a table\u{201d} under each chart gives every figure with its series named.",
            a.name,
            b.name,
            ratio_label(ratio)
        )
    })
}

/// "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        assert_eq!(
            ratio_label(contrast_ratio(Rgb(0, 0, 0), WHITE)),
            "21.00 to 1"
        );
        assert_eq!(contrast_ratio(WHITE, WHITE), 1.0);
        // GOV.UK's link blue on white is 5.1698 to 1 (5.16 cut); either order gives the same.
        let blue = Rgb(0x1d, 0x70, 0xb8);
        assert_eq!(ratio_label(contrast_ratio(blue, WHITE)), "5.16 to 1");
        assert_eq!(contrast_ratio(blue, WHITE), contrast_ratio(WHITE, blue));
        // #777777 is 4.48 to 1: cut, not rounded up to 4.5.
        assert_eq!(ratio_label(4.4999), "4.49 to 1");
        assert_eq!(Rgb(0x28, 0xa1, 0x97).hex(), "#28a197");
    }

    #[test]
    fn the_chart_colours_are_the_stylesheets() {
        let css = include_str!("../../style/main.css");
        for colour in CHART_COLOURS {
            assert!(
                css.contains(colour.css),
                "{} is not in main.css",
                colour.css
            );
            assert!(
                colour.css.contains(&colour.colour.hex()),
                "{}: {} is not {}",
                colour.name,
                colour.css,
                colour.colour.hex()
            );
        }
    }

    #[test]
    fn the_statement_names_the_faint_chart_colours_with_their_ratios() {
        let said = chart_contrast(&CHART_COLOURS);
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].starts_with(
            "Some chart colours have a contrast of only about 3 to 1 against the white page: turquoise (#28a197) 3.16 to 1, orange (#f46a25) 3.02 to 1, light purple (#a285d1) 3.08 to 1 and orange dashed target line (#f46a25) 3.02 to 1. That meets"
        ), "{}", said[0]);
        assert!(!said[0].contains("dark blue"));
    }

    #[test]
    fn a_colour_below_three_to_one_is_said_to_fail() {
        let amber = ChartColour {
            name: "amber",
            colour: Rgb(0xf4, 0x77, 0x38),
            css: ".x { fill: #f47738; }",
        };
        let said = chart_contrast(&[CHART_COLOURS[0], amber]);
        assert_eq!(said.len(), 1);
        assert!(
            said[0].contains("less contrast against the white page than the 3 to 1")
                && said[0].contains("amber (#f47738) 2.78 to 1"),
            "{}",
            said[0]
        );
        assert_eq!(chart_contrast(&CHART_COLOURS[..1]), Vec::<String>::new());
    }

    #[test]
    fn the_fills_most_alike_are_named() {
        let said = most_alike(&CHART_COLOURS).expect("two fills or more");
        assert!(
            said.contains(
                "the orange and light purple fills have a contrast of 1.01 to 1 with each other"
            ),
            "{said}"
        );
        assert!(said.contains("1.4.1"));
        assert_eq!(most_alike(&CHART_COLOURS[..1]), None);
    }

    #[test]
    fn a_contact_is_read_as_an_email_a_phone_a_web_address_or_text() {
        assert_eq!(Contact::of(None), None);
        assert_eq!(Contact::of(Some("   ")), None);
        let email = Contact::of(Some(" accessibility@anytown.gov.uk ")).expect("given");
        assert_eq!(email, Contact::Email("accessibility@anytown.gov.uk".into()));
        assert_eq!(
            email.href().as_deref(),
            Some("mailto:accessibility@anytown.gov.uk")
        );
        let phone = Contact::of(Some("+44 (0)1772 533 000")).expect("given");
        assert_eq!(phone.text(), "+44 (0)1772 533 000");
        assert_eq!(phone.href().as_deref(), Some("tel:+4401772533000"));
        assert_eq!(
            Contact::of(Some("01772 533000"))
                .expect("given")
                .href()
                .as_deref(),
            Some("tel:01772533000")
        );
        let web = Contact::of(Some("https://www.anytown.gov.uk/accessibility")).expect("given");
        assert_eq!(
            web.href().as_deref(),
            Some("https://www.anytown.gov.uk/accessibility")
        );
        for other in [
            "javascript:alert(1)",
            "Ring the web team",
            "a@b",
            "mailto:x@y.uk?subject=x",
            "123",
            "data:text/html,<b>",
        ] {
            let contact = Contact::of(Some(other)).expect("given");
            assert_eq!(contact.href(), None, "{other}");
            assert_eq!(contact.text(), other);
        }
    }

    #[test]
    fn the_contact_sentences_name_the_council() {
        let email = Contact::Email("a11y@anytown.gov.uk".into());
        assert_eq!(
            email.lead("Anytown Borough Council"),
            "If you find a problem not listed on this page, or you need any part of this pack in a different format such as large print, audio or braille, email Anytown Borough Council:"
        );
        assert!(Contact::Web("https://a.uk".into())
            .lead("X")
            .ends_with("use X:"));
        assert_eq!(
            no_contact("Anytown Borough Council"),
            "Anytown Borough Council has not given an accessibility contact yet, so this statement cannot yet say how to report a problem to the council."
        );
        assert!(no_contact("  ").starts_with("The council has not given"));
    }

    #[test]
    fn the_required_sentences_name_the_council_and_the_dates() {
        assert_eq!(
            committed("Lancashire County Council"),
            "Lancashire County Council is committed to making this app accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018."
        );
        assert!(committed("").starts_with("The council is committed"));
        assert!(run_by("Lancashire County Council").starts_with(
            "This app is run by Lancashire County Council. We want as many people as possible"
        ));
        assert!(applies_to("").contains("the app the council uses"));
        assert_eq!(
            preparation(),
            "This statement was prepared on 1 December 2026. It was last reviewed on 1 December 2026."
        );
        assert!(testing().starts_with("This app was last tested on 1 December 2026."));
    }
}
