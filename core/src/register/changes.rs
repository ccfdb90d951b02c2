//! What changed on the register between two quarters, as the quarterly
//! cover report lists it, and the rule that matches an entry on one
//! register with one on the other.

use crate::domain::snapshot::count_of;
use crate::sort;
use std::cmp::Ordering;

use crate::domain::period::Period;
use crate::domain::register::{Assessment, RegisterEntry};
use crate::domain::risk::{EntryKind, Score};
use crate::domain::snapshot::Snapshot;
use crate::register::rows::{id_cmp, score_text};

/// Words left out when comparing titles for rewording, besides single letters
/// (the "s" of "Children's"): they say nothing about what an entry is.
pub const STOP_WORDS: [&str; 22] = [
    "across", "an", "and", "are", "as", "at", "by", "for", "from", "in", "into", "is", "its", "of",
    "on", "or", "our", "the", "their", "to", "with", "within",
];

/// How [`Changes::between`] decides that an entry on one register is the
/// same as one on the other, in plain English, for the change list to print.
///
/// The "more than half" threshold is chosen on the seed registers: the old
/// CR4 "Recruit and retain experienced staff within Children's Services" and
/// the new CR5 "Recruit and retain experienced staff across the organisation"
/// share 4 of the shorter title's 5 significant words, and the old CR1
/// "Delivering the Operational Plan to ensure a strong and sustainable County
/// Council" and the new CR1 "Reshaping the County Council" 2 of 3. At "half
/// or more", the unrelated new CR11 "Future provision of ICT services" would
/// be taken for the old CR10 "Adult social care provision is adequate ...
/// future demand" (2 of 4); the old and new CO3 share 1 of 5.
pub fn matching_rule() -> String {
    format!(
        "How entries are matched, in this order (a risk only ever matches a risk, and an opportunity \
         an opportunity): 1. The same entry: the titles match, ignoring case, spacing and a full stop, \
         comma, colon or semicolon at the end, under the same reference or, failing that, another one \
         (renumbered). 2. Re-worked: of the entries left, more than half the significant words of the \
         shorter title are in the other, under the same reference or, failing that, another one (the \
         pair sharing the largest part of the shorter title first). A word is a run of letters and \
         digits; single letters and these words do not count: {}. 3. Anything else this quarter is \
         new, and anything left over from the earlier quarter is no longer on the register.",
        STOP_WORDS.join(", ")
    )
}

/// Titles match whatever their spacing, case and closing full stop (or
/// comma, colon or semicolon).
fn same_title(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end_matches(['.', ',', ';', ':'])
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// A title's significant words, lower case, each once.
fn significant_words(title: &str) -> Vec<String> {
    let mut words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect();
    sort::ascending(&mut words);
    words.dedup();
    words
}

/// Where one title is a rewording of the other (more than half the shorter
/// title's significant words are in the other): how many words they share,
/// and how many the shorter has.
fn rewording(a: &str, b: &str) -> Option<(usize, usize)> {
    let (a, b) = (significant_words(a), significant_words(b));
    let shorter = a.len().min(b.len());
    let shared = a.iter().filter(|w| b.contains(w)).count();
    (shared * 2 > shorter).then_some((shared, shorter))
}

/// An entry on both registers being compared: the same title (perhaps
/// renumbered), or a re-worded one.
#[derive(Clone, Debug, PartialEq)]
pub struct Continuing {
    pub id: String,
    /// Its reference on the earlier register, where it was renumbered.
    pub was_id: Option<String>,
    pub kind: EntryKind,
    pub title: String,
    /// Its title on the earlier register, where it was reworded ("re-worked").
    pub was_title: Option<String>,
    pub was_residual: Option<Score>,
    pub residual: Option<Score>,
}

impl Continuing {
    /// "Protect and safeguard children: down from 16 to 12 (Major/Possible)".
    pub fn movement(&self) -> String {
        format!("{}: {}", self.title, self.change())
    }

    /// "down from 16 to 12 (Major/Possible)".
    fn change(&self) -> String {
        let way = match self.moved() {
            Some(Ordering::Greater) => "up",
            Some(Ordering::Less) => "down",
            _ => "unchanged",
        };
        format!(
            "{way} from {} to {}",
            score_text(self.was_residual, self.kind),
            score_text(self.residual, self.kind)
        )
    }

    /// Up or down by residual score, where both quarters give one.
    pub fn moved(&self) -> Option<Ordering> {
        Some(self.residual?.value().cmp(&self.was_residual?.value())).filter(|o| o.is_ne())
    }

    /// "CR9, was CR8" where renumbered, else "CR9".
    pub fn reference(&self) -> String {
        match &self.was_id {
            Some(was) => format!("{}, was {was}", self.id),
            None => self.id.clone(),
        }
    }

    /// Where only one of the two quarters gives a residual score, what is known.
    fn score_note(&self) -> Option<String> {
        match (self.was_residual, self.residual) {
            (Some(was), None) => Some(format!(
                "no residual score now (was {})",
                score_text(Some(was), self.kind)
            )),
            (None, Some(now)) => Some(format!(
                "residual score now {}, none before",
                score_text(Some(now), self.kind)
            )),
            _ => None,
        }
    }

    /// The entry as the change list words it, starting with its reference:
    /// "CR9, was CR8: Delivering a statutory service ...: down from 16 to 12
    /// (Major/Possible)"; a re-worked one gives its earlier title, "CR1
    /// Reshaping the County Council (previously “Delivering the Operational
    /// Plan ...”)".
    pub fn line(&self) -> String {
        let head = match &self.was_id {
            Some(_) => format!("{}:", self.reference()),
            None => self.id.clone(),
        };
        let mut line = match &self.was_title {
            Some(was) => {
                let mut text = format!("{head} {} (previously \u{201c}{was}\u{201d})", self.title);
                if self.moved().is_some() {
                    text.push_str(&format!(", {}", self.change()));
                }
                text
            }
            None if self.moved().is_some() => format!("{head} {}", self.movement()),
            None => format!("{head} {}", self.title),
        };
        if let Some(note) = self.score_note() {
            line.push_str(&format!("; {note}"));
        }
        line
    }
}

/// An entry on one register only: new on the later, or no longer on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub id: String,
    pub kind: EntryKind,
    /// Its title on the register it is on.
    pub title: String,
    /// For one no longer on the register, the reason given when it was retired.
    pub reason: Option<String>,
}

impl Listed {
    /// "CR4 Increase in demand, ...".
    pub fn line(&self) -> String {
        format!("{} {}", self.id, self.title)
    }

    /// "CR9 in Q2 2018/19: Discharge of patients from hospital ...": for an
    /// entry that has left, whose reference may now mean another entry.
    pub fn line_in(&self, quarter: Period) -> String {
        format!("{} in {quarter}: {}", self.id, self.title)
    }
}

/// What changed on the register between two quarters, as the quarterly
/// cover report lists it. Entries are matched as [`matching_rule`] says;
/// every entry of either register is in exactly one of [`Changes::new`],
/// [`Changes::left`], [`Changes::reworked`], [`Changes::moved`] (up or
/// down), [`Changes::renumbered`] and [`Changes::unchanged`].
#[derive(Clone, Debug, PartialEq)]
pub struct Changes {
    pub from: Period,
    pub to: Period,
    /// On the later register only, in its order.
    pub new: Vec<Listed>,
    /// On the earlier register only, in its order.
    pub left: Vec<Listed>,
    /// On both, by title or re-worded title, in the later register's order.
    pub continuing: Vec<Continuing>,
}

impl Changes {
    pub fn between(snapshot: &Snapshot, from: Period, to: Period) -> Changes {
        Changes::between_registers(&snapshot.register, from, &snapshot.register, to)
    }

    /// [`Changes::between`] two registers: `earlier` in quarter `from` and
    /// `later` in quarter `to` (two packs' registers, or one's twice).
    pub fn between_registers(
        earlier: &[RegisterEntry],
        from: Period,
        later: &[RegisterEntry],
        to: Period,
    ) -> Changes {
        let (before, after) = (on_register(earlier, &from), on_register(later, &to));
        let mut pairing = Pairing::new(before.len(), after.len());
        pairing.same_titles(&before, &after);
        pairing.reworded_same_reference(&before, &after);
        pairing.reworded_elsewhere(&before, &after);
        let mut new = vec![];
        let mut continuing = vec![];
        for ((entry, now), found) in after.iter().zip(&pairing.matched) {
            match found {
                Some((i, reworded)) => {
                    let (was_entry, was) = before[*i];
                    continuing.push(Continuing {
                        id: entry.id.clone(),
                        was_id: (was_entry.id != entry.id).then(|| was_entry.id.clone()),
                        kind: entry.kind,
                        title: now.title.clone(),
                        was_title: reworded.then(|| was.title.clone()),
                        was_residual: was.residual,
                        residual: now.residual,
                    });
                }
                None => new.push(Listed {
                    id: entry.id.clone(),
                    kind: entry.kind,
                    title: now.title.clone(),
                    reason: None,
                }),
            }
        }
        let left: Vec<Listed> = before
            .iter()
            .zip(&pairing.used)
            .filter(|(_, used)| !**used)
            .map(|((entry, was), _)| Listed {
                id: entry.id.clone(),
                kind: entry.kind,
                title: was.title.clone(),
                reason: entry
                    .retired
                    .as_ref()
                    .filter(|r| r.period.timeline_cmp(&to).is_le())
                    .map(|r| r.reason.clone()),
            })
            .collect();
        Changes {
            from,
            to,
            new,
            left,
            continuing,
        }
    }

    /// Continuing entries whose title was reworded, whether or not they were
    /// renumbered or their score moved.
    pub fn reworked(&self) -> Vec<&Continuing> {
        self.continuing
            .iter()
            .filter(|c| c.was_title.is_some())
            .collect()
    }

    /// Entries under the same title whose residual score went `way`
    /// (Greater: up), whether or not they were renumbered.
    pub fn moved(&self, way: Ordering) -> Vec<&Continuing> {
        self.continuing
            .iter()
            .filter(|c| c.was_title.is_none() && c.moved() == Some(way))
            .collect()
    }

    /// Entries under the same title and a new reference whose score did not
    /// move (or cannot be compared, one quarter giving none).
    pub fn renumbered(&self) -> Vec<&Continuing> {
        self.continuing
            .iter()
            .filter(|c| c.was_title.is_none() && c.was_id.is_some() && c.moved().is_none())
            .collect()
    }

    /// Entries under the same reference and title whose score did not move
    /// (or cannot be compared).
    pub fn unchanged(&self) -> Vec<&Continuing> {
        self.continuing
            .iter()
            .filter(|c| c.was_title.is_none() && c.was_id.is_none() && c.moved().is_none())
            .collect()
    }

    /// "5 new, 2 re-worked, 4 no longer on the register, 0 scores up, 2
    /// down, 4 renumbered, 3 unchanged": one count per list, for a heading.
    pub fn summary(&self) -> String {
        let up = self.moved(Ordering::Greater).len();
        format!(
            "{} new, {} re-worked, {} no longer on the register, {} up, {} down, {} renumbered, {} unchanged",
            self.new.len(),
            self.reworked().len(),
            self.left.len(),
            count_of(up, "score", "scores"),
            self.moved(Ordering::Less).len(),
            self.renumbered().len(),
            self.unchanged().len()
        )
    }
}

/// The entries on the register in `period` with their assessment then:
/// risks before opportunities, each in reference order.
fn on_register<'a>(
    register: &'a [RegisterEntry],
    period: &Period,
) -> Vec<(&'a RegisterEntry, &'a Assessment)> {
    let kind_order = |k: EntryKind| k == EntryKind::Opportunity;
    let mut list: Vec<(&RegisterEntry, &Assessment)> = register
        .iter()
        .filter_map(|e| e.on_register(period).map(|a| (e, a)))
        .collect();
    sort::by(&mut list, |a, b| {
        kind_order(a.0.kind)
            .cmp(&kind_order(b.0.kind))
            .then_with(|| id_cmp(&a.0.id, &b.0.id))
    });
    list
}

type Held<'a> = [(&'a RegisterEntry, &'a Assessment)];

/// Which entry of the earlier register each of the later continues, built
/// up rule by rule as [`matching_rule`] says.
struct Pairing {
    /// For each entry of the later register, the one of the earlier it
    /// continues, and whether its title was reworded.
    matched: Vec<Option<(usize, bool)>>,
    /// For each entry of the earlier register, whether one continues it.
    used: Vec<bool>,
}

impl Pairing {
    fn new(before: usize, after: usize) -> Pairing {
        Pairing {
            matched: vec![None; after],
            used: vec![false; before],
        }
    }

    fn pair(&mut self, j: usize, i: usize, reworded: bool) {
        self.used[i] = true;
        self.matched[j] = Some((i, reworded));
    }

    /// The first entry of `before` still free that `accept` takes for the
    /// entry `j` of the later register, if `j` is still unmatched.
    fn first_free(&self, j: usize, before: &Held, accept: impl Fn(usize) -> bool) -> Option<usize> {
        if self.matched[j].is_some() {
            return None;
        }
        (0..before.len()).find(|&i| !self.used[i] && accept(i))
    }

    /// Rule 1: the same title, under the same reference first, then any.
    fn same_titles(&mut self, before: &Held, after: &Held) {
        for same_reference in [true, false] {
            for (j, (entry, now)) in after.iter().enumerate() {
                let found = self.first_free(j, before, |i| {
                    let (e, was) = before[i];
                    e.kind == entry.kind
                        && (!same_reference || e.id == entry.id)
                        && same_title(&was.title, &now.title)
                });
                if let Some(i) = found {
                    self.pair(j, i, false);
                }
            }
        }
    }

    /// Rule 2, first part: a reworded title under the same reference.
    fn reworded_same_reference(&mut self, before: &Held, after: &Held) {
        for (j, (entry, now)) in after.iter().enumerate() {
            let found = self.first_free(j, before, |i| {
                let (e, was) = before[i];
                e.kind == entry.kind
                    && e.id == entry.id
                    && rewording(&was.title, &now.title).is_some()
            });
            if let Some(i) = found {
                self.pair(j, i, true);
            }
        }
    }

    /// Rule 2, second part: a reworded title under another reference, the
    /// pairs sharing the largest part of the shorter title first, then the
    /// most words.
    fn reworded_elsewhere(&mut self, before: &Held, after: &Held) {
        let mut pairs: Vec<(usize, usize, (usize, usize))> = vec![];
        for (j, (entry, now)) in after.iter().enumerate() {
            for (i, (e, was)) in before.iter().enumerate() {
                if self.matched[j].is_none() && !self.used[i] && e.kind == entry.kind {
                    if let Some(overlap) = rewording(&was.title, &now.title) {
                        pairs.push((j, i, overlap));
                    }
                }
            }
        }
        sort::by(&mut pairs, |(ja, ia, (sa, na)), (jb, ib, (sb, nb))| {
            (sb * na)
                .cmp(&(sa * nb))
                .then(sb.cmp(sa))
                .then(ja.cmp(jb))
                .then(ia.cmp(ib))
        });
        for (j, i, _) in pairs {
            if self.matched[j].is_none() && !self.used[i] {
                self.pair(j, i, true);
            }
        }
    }
}

#[cfg(test)]
mod tests;
