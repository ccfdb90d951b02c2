//! Numbers as a spreadsheet shows them: at most 10 significant digits
//! without binary noise (0.1 + 0.2 is "0.3"), or as a cell's number format
//! asks (fixed decimals, a percentage, thousands separators).

/// How a number format shows a number; [`Shown::GENERAL`] when it has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    /// The fewest and most digits after the point; `None` for "General",
    /// which shows what is needed up to 10 significant digits.
    pub decimals: Option<(usize, usize)>,
    /// The value times 100, with "%".
    pub percent: bool,
    /// "1,234" rather than "1234".
    pub thousands: bool,
}

impl Shown {
    pub const GENERAL: Shown = Shown {
        decimals: None,
        percent: false,
        thousands: false,
    };

    /// What a number format code shows, when it is a plain number format
    /// ("0.0%", "#,##0.00", "General"); `None` for dates, times, text and
    /// anything else, which are shown as "General".
    pub fn from_code(code: &str) -> Option<Shown> {
        // The first section (positive numbers), without quoted or escaped text.
        let mut plain = String::new();
        let mut chars = code.chars();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match c {
                '"' => quoted = !quoted,
                _ if quoted => {}
                '\\' | '_' | '*' => {
                    chars.next();
                }
                ';' => break,
                '[' => {
                    // Colours and conditions: [Red], [>=100].
                    for c in chars.by_ref() {
                        if c == ']' {
                            break;
                        }
                    }
                }
                _ => plain.push(c),
            }
        }
        let plain = plain.trim();
        if plain.eq_ignore_ascii_case("general") {
            return Some(Shown::GENERAL);
        }
        if !plain.contains(['0', '#'])
            || plain
                .chars()
                .any(|c| c.is_ascii_alphabetic() || c == '@' || c == '/')
        {
            return None;
        }
        let fraction = plain.split_once('.').map_or("", |(_, f)| f);
        let zeros = fraction.chars().filter(|&c| c == '0').count();
        let optional = fraction.chars().filter(|&c| c == '#' || c == '?').count();
        Some(Shown {
            decimals: Some((zeros, zeros + optional)),
            percent: plain.contains('%'),
            thousands: plain
                .split_once('.')
                .map_or(plain, |(i, _)| i)
                .contains(','),
        })
    }

    /// `value` as this format shows it.
    pub fn show(self, value: f64) -> String {
        if !value.is_finite() {
            return "#NUM!".to_owned();
        }
        let (mut digits, mut point) = digits(value);
        if self.percent {
            point += 2;
        }
        let (fewest, most) = match self.decimals {
            Some((fewest, most)) => {
                let keep = point + most as i32;
                round(&mut digits, &mut point, keep);
                (fewest, most)
            }
            None => {
                // 10 significant digits, but never fewer than the whole part's.
                let keep = point.max(10);
                round(&mut digits, &mut point, keep);
                (0, usize::MAX)
            }
        };
        let digit = |i: i32| {
            char::from(
                b'0' + usize::try_from(i)
                    .ok()
                    .and_then(|i| digits.get(i))
                    .copied()
                    .unwrap_or(0),
            )
        };
        let whole: String = if point <= 0 {
            "0".to_owned()
        } else {
            (0..point).map(digit).collect()
        };
        let after_point = usize::try_from(digits.len() as i32 - point).unwrap_or(0);
        let mut fraction: String = (0..after_point.clamp(fewest, most.max(fewest)))
            .map(|k| digit(point + k as i32))
            .collect();
        while fraction.len() > fewest && fraction.ends_with('0') {
            fraction.pop();
        }
        let whole = if self.thousands { group(&whole) } else { whole };
        let zero = digits.iter().all(|&d| d == 0);
        let mut text = String::new();
        if value < 0.0 && !zero {
            text.push('-');
        }
        text.push_str(&whole);
        if !fraction.is_empty() {
            text.push('.');
            text.push_str(&fraction);
        }
        if self.percent {
            text.push('%');
        }
        text
    }
}

/// The 15 significant decimal digits a spreadsheet holds of `value`'s size,
/// and how many of them come before the point.
fn digits(value: f64) -> (Vec<u8>, i32) {
    let text = format!("{:.14e}", value.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let digits = mantissa
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    (digits, exponent.parse::<i32>().unwrap_or(0) + 1)
}

/// Keeps the first `keep` digits, rounding half up.
fn round(digits: &mut Vec<u8>, point: &mut i32, keep: i32) {
    if keep < 0 {
        digits.clear();
        return;
    }
    let keep = keep as usize;
    if keep >= digits.len() {
        return;
    }
    let up = digits[keep] >= 5;
    digits.truncate(keep);
    if up {
        let mut at = keep;
        loop {
            if at == 0 {
                digits.insert(0, 1);
                *point += 1;
                break;
            }
            at -= 1;
            if digits[at] == 9 {
                digits[at] = 0;
            } else {
                digits[at] += 1;
                break;
            }
        }
    }
}

/// "1234567" as "1,234,567".
fn group(whole: &str) -> String {
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn general(value: f64) -> String {
        Shown::GENERAL.show(value)
    }

    #[test]
    fn general_numbers_have_no_binary_noise() {
        assert_eq!(general(0.1 + 0.2), "0.3");
        assert_eq!(general(32.0), "32");
        assert_eq!(general(-0.5), "-0.5");
        assert_eq!(general(1.0 / 3.0), "0.3333333333");
        assert_eq!(general(2.0 / 3.0), "0.6666666667");
        assert_eq!(general(123456.789), "123456.789");
        assert_eq!(general(0.0), "0");
        assert_eq!(general(-0.0), "0");
        assert_eq!(general(0.000_125), "0.000125");
        assert_eq!(general(9.999_999_999_9), "10");
        assert_eq!(general(12_345_678_901.0), "12345678901");
    }

    #[test]
    fn formats_give_decimals_percentages_and_separators() {
        let code = |c: &str| Shown::from_code(c).unwrap();
        assert_eq!(code("0.0%").show(0.32), "32.0%");
        assert_eq!(code("0.0%").show(0.371), "37.1%");
        assert_eq!(code("0%").show(0.219), "22%");
        assert_eq!(code("0.00%").show(0.1 + 0.2), "30.00%");
        assert_eq!(code("#,##0").show(31873.0), "31,873");
        assert_eq!(code("#,##0.00").show(-1234.5), "-1,234.50");
        assert_eq!(code("0.0").show(22.0), "22.0");
        assert_eq!(code("0.00").show(2.675), "2.68");
        assert_eq!(code("0").show(0.4), "0");
        assert_eq!(code("0.0#").show(1.5), "1.5");
        assert_eq!(code("0.0#").show(1.555), "1.56");
        assert_eq!(code("0.0;[Red]-0.0").show(-3.25), "-3.3");
        // Quoted text in a format is left out: the number alone.
        assert_eq!(code("\"£\"#,##0").show(1500.0), "1,500");
        assert_eq!(Shown::from_code("General"), Some(Shown::GENERAL));
        assert_eq!(Shown::from_code("dd/mm/yyyy"), None);
        assert_eq!(Shown::from_code("@"), None);
    }
}
