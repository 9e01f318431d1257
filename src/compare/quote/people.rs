//! Whether two speakers given the same words are one person, two people, or cannot be told.
//!
//! The quotation reader reads each written speaker into a [`Who`] (titles, honorifics,
//! suffixes and initials set aside; a surname expanded to the corpus's one full name). Here
//! two of them are compared, one sentence per rule:
//!
//! - **Surnames** agree when equal (case, dots and diacritics aside), when one's words
//!   hold the other's (a double surname written in part), or when they are spellings of one
//!   name by the name-spelling rules (`crate::compare::name`) or a typing slip (same first
//!   letter, five or more letters, letters swapped, or one letter off keeping the last, two
//!   in six or more: "Ortega"/"Ortgea", "Frolov"/"Frolvo"; never "Petrov"/"Petrova");
//!   different surnames are different people.
//! - **Given names** are compared only when both sides write one: equal, a short form
//!   ("Dan"/"Daniel", three letters or more), a silent "h" ("Jon"/"John"), one letter off in
//!   four or more, a slip, or a spelling of one name agree, for the first given names or,
//!   failing that, any of one side's with any of the other's (a middle name written first,
//!   an unknown word before the name); any other pair is two people ("Joe Biden"/"Jill
//!   Biden"). A surname alone agrees with every full name that ends in it.
//! - **Initials** never make two people: "J. Ortega" against "Dana Ortega" cannot be told.
//! - **Organisations** are one when equal, when an acronym spells the other's initials
//!   ("FOMC"/"Federal Open Market Committee") or when one's words hold the other's
//!   ("Committee"); two names of two words or more with no word in common are two; anything
//!   else cannot be told.
//! - **Descriptions** ("Russian president"), words that nothing shows to be a name, and a
//!   person against an organisation cannot be told apart: never two people.
//!
//! Only [`Relation::Different`] makes an attribution conflict: the same person written two
//! ways is not one, and neither is a speaker the tool cannot identify.

use crate::compare::name::spelled_alike;
use crate::read::quote::{Who, WhoKind};

/// How two speakers relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// One person (or organisation), written alike up to titles, honorifics, initials,
    /// suffixes or a surname alone.
    Same,
    /// One person whose name is spelled two ways ("Jon"/"John", "Ortega"/"Ortgea"): a name
    /// finding, not an attribution conflict.
    Spelled,
    /// Two different people (or organisations).
    Different,
    /// Cannot be told: a description, an unidentified word, a person against an
    /// organisation.
    Unknown,
}

/// Lowercase, dots, apostrophes and diacritics folded; hyphens split words.
fn fold(s: &str) -> Vec<String> {
    crate::compare::name::normalise_name(s)
}

/// A typing slip between two spellings of one word, not two words: the same first letter,
/// five letters or more, and the same letters in another order (a transposition) or one
/// letter off (two in words of six or more). With `same_end`, a slip that is not a
/// transposition must also keep the last letter, so that a gendered or inflected ending
/// ("Petrov"/"Petrova") is not taken for one.
fn slip(a: &str, b: &str, same_end: bool) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let shortest = la.min(lb);
    if shortest < 5 || a.chars().next() != b.chars().next() {
        return false;
    }
    let sorted = |s: &str| {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v
    };
    let distance = strsim::osa_distance(a, b);
    if sorted(a) == sorted(b) && distance <= 2 {
        return true;
    }
    let allowed = if shortest >= 6 { 2 } else { 1 };
    distance <= allowed && (!same_end || a.chars().last() == b.chars().last())
}

/// Two given names, one written shorter, with a silent "h" ("Jon"/"John"), one letter off,
/// or slipped: "Dan"/"Daniel" are one, "Jon"/"John", "Dana"/"Dena", "Fyodor"/"Fyoodr" one
/// name spelled two ways (which of the two the [`Relation`] says).
fn given_alike(a: &str, b: &str) -> Option<Relation> {
    if a == b {
        return Some(Relation::Same);
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.chars().count() >= 3 && long.starts_with(short) {
        return Some(Relation::Same);
    }
    let without_h = |s: &str| s.replace('h', "");
    if without_h(a) == without_h(b) && without_h(a).chars().count() >= 3 {
        return Some(Relation::Spelled);
    }
    let one_off = short.chars().count() >= 4
        && a.chars().next() == b.chars().next()
        && strsim::osa_distance(a, b) == 1;
    if one_off || slip(a, b, false) || spelled_alike(a, b) {
        return Some(Relation::Spelled);
    }
    None
}

/// Surnames: equal, one held in the other, or spellings of one name.
fn surname_relation(a: &[String], b: &[String]) -> Relation {
    if a == b {
        return Relation::Same;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if !short.is_empty() && short.iter().all(|t| long.contains(t)) {
        return Relation::Same;
    }
    let (Some(x), Some(y)) = (a.last(), b.last()) else {
        return Relation::Unknown;
    };
    if slip(x, y, true) || spelled_alike(x, y) {
        Relation::Spelled
    } else {
        Relation::Different
    }
}

fn persons(a: &Who, b: &Who) -> Relation {
    let surname = surname_relation(&fold(&a.surname), &fold(&b.surname));
    if surname == Relation::Different || surname == Relation::Unknown {
        return surname;
    }
    let (ga, gb): (Vec<String>, Vec<String>) = (
        a.given.iter().flat_map(|g| fold(g)).collect(),
        b.given.iter().flat_map(|g| fold(g)).collect(),
    );
    let given = match (ga.first(), gb.first()) {
        (Some(x), Some(y)) => match given_alike(x, y) {
            Some(r) => r,
            // A middle name written first on one side ("John Dana Ortega"/"Dana Ortega"), or
            // a word before the name that is no known title ("Staate Dana Ortega"): any given
            // name alike any of the other's.
            None => match ga
                .iter()
                .flat_map(|g| gb.iter().filter_map(move |h| given_alike(g, h)))
                .min_by_key(|r| *r != Relation::Same)
            {
                Some(r) => r,
                None => return Relation::Different,
            },
        },
        // One side writes initials only: they must fit the other's given names, else the
        // two cannot be told (never two people on an initial alone).
        (None, Some(_)) | (Some(_), None) => {
            let (initials, names) = if ga.is_empty() {
                (&a.initials, &gb)
            } else {
                (&b.initials, &ga)
            };
            let fits = initials
                .iter()
                .all(|c| names.iter().any(|n| n.starts_with(*c)));
            if !fits {
                return Relation::Unknown;
            }
            Relation::Same
        }
        (None, None) => Relation::Same,
    };
    if surname == Relation::Spelled || given == Relation::Spelled {
        Relation::Spelled
    } else {
        Relation::Same
    }
}

/// The initials of an organisation's capitalised words ("Federal Open Market Committee" →
/// "fomc").
fn acronym_of(words: &[&str]) -> String {
    words
        .iter()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .flat_map(char::to_lowercase)
        .collect()
}

fn organisations(a: &Who, b: &Who) -> Relation {
    let (fa, fb) = (fold(&a.surname), fold(&b.surname));
    let content = |f: &[String]| -> Vec<String> {
        f.iter()
            .filter(|t| !matches!(t.as_str(), "the" | "of" | "and" | "for" | "on"))
            .cloned()
            .collect()
    };
    let (ca, cb) = (content(&fa), content(&fb));
    if ca == cb {
        return Relation::Same;
    }
    let acronym = |x: &Who, y: &Who| {
        let xs: Vec<&str> = x.surname.split_whitespace().collect();
        let ys: Vec<&str> = y.surname.split_whitespace().collect();
        xs.len() == 1 && ys.len() >= 2 && {
            let letters: String = xs[0]
                .chars()
                .filter(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            letters == acronym_of(&ys)
        }
    };
    if acronym(a, b) || acronym(b, a) {
        return Relation::Same;
    }
    let (short, long) = if ca.len() <= cb.len() {
        (&ca, &cb)
    } else {
        (&cb, &ca)
    };
    if !short.is_empty() && short.iter().all(|t| long.contains(t)) {
        return Relation::Same;
    }
    let disjoint = !ca.iter().any(|t| cb.contains(t));
    if ca.len() >= 2 && cb.len() >= 2 && disjoint {
        Relation::Different
    } else {
        Relation::Unknown
    }
}

/// How two speakers relate (the rules are in the module doc).
pub fn relation(a: &Who, b: &Who) -> Relation {
    if a.name == b.name && a.kind == b.kind {
        return Relation::Same;
    }
    match (a.kind, b.kind) {
        (WhoKind::Person, WhoKind::Person) => persons(a, b),
        (WhoKind::Organisation, WhoKind::Organisation) => organisations(a, b),
        _ => Relation::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::quote::SpeakerIndex;

    fn index() -> SpeakerIndex {
        let mut index = SpeakerIndex::new();
        index.observe_text(
            "Dana Ortega spoke first. Then Ivo Brandt and Jill Marsh, with Tom Marsh, spoke.",
        );
        index
    }

    fn rel(a: &str, b: &str) -> Relation {
        let index = index();
        let r = relation(&index.who(a), &index.who(b));
        assert_eq!(r, relation(&index.who(b), &index.who(a)), "{a} / {b}");
        r
    }

    #[test]
    fn honorifics_titles_initials_suffixes_and_surnames_are_one_person() {
        for (a, b) in [
            ("Mr Ortega", "Ortega"),
            ("Acme CEO Dana Ortega", "Ms. Ortega"),
            ("H. Dana Ortega", "Dana Ortega"),
            ("Dana Ortega Jr.", "Dana Ortega"),
            ("Rep. Dana Ortega", "Gov. Ortega"),
            ("hospital director Dana Ortega", "Dr Ortega"),
            ("Acme's chief executive, Dana Ortega", "Ortega"),
            ("Gen. Ivo Brandt", "Sen. Brandt"),
            // Jill and Tom Marsh share the surname: "Marsh" alone is either.
            ("Marsh", "Jill Marsh"),
            ("Dan Ortega", "Daniel Ortega"),
        ] {
            assert_eq!(rel(a, b), Relation::Same, "{a} / {b}");
        }
    }

    #[test]
    fn spelling_variants_are_one_person_spelled_two_ways() {
        for (a, b) in [
            ("Jon Ortega", "John Ortega"),
            ("Dana Ortgea", "Dana Ortega"),
            ("Ivo Brant", "Ivo Brandt"),
            ("Mr. Ortgea", "Dana Ortega"),
            // Slips: letters swapped, two letters off in a long name, in either name, and a
            // misspelt title read as a given name.
            ("Dana Otrega", "Dana Ortega"),
            ("Ivo Brandt", "Ivo Barndt"),
            ("Ivo Brandtmeyer", "Ivo Brantmeier"),
            ("Teoodr Ortega", "Teoddor Ortega"),
            ("Miniser Teodor Ortega", "Teoodr Ortega"),
            // Letters swapped twice in five letters, and a swap that moves the last letter:
            // slips, where one or two letters off would not be.
            ("Dana Marsh", "Dana Mrahs"),
            ("Ivo Frolov", "Ivo Frolvo"),
        ] {
            assert_eq!(rel(a, b), Relation::Spelled, "{a} / {b}");
        }
    }

    #[test]
    fn different_people_differ() {
        for (a, b) in [
            ("Jill Marsh", "Tom Marsh"),
            ("Dana Ortega", "Ivo Brandt"),
            ("Ortega", "Brandt"),
            ("Ms. Ortega", "Mr. Brandt"),
            ("Sen. Dana Ortega", "Dana Ostrova"),
            // A gendered ending is no slip; short names one letter off are.
            ("Ivo Petrov", "Ana Petrova"),
            ("Dana Petrov", "Dana Petrova"),
            ("Joe Ortega", "Jill Ortega"),
            // Given names: a slip needs the same first letter and one letter off at most
            // in four letters ("Dana"/"Mira" share a length, not a name), and a short name
            // one letter off is another name ("Tom"/"Tim").
            ("Dana Ortega", "Mira Ortega"),
            ("Tom Marsh", "Tim Marsh"),
            // Surnames: a slip keeps the first letter, needs five letters, and is one or
            // two letters off, never more ("Morales"/"Mendes" end alike, far apart).
            ("Dana Marsh", "Dana Harsh"),
            ("Ivo Lund", "Ivo Land"),
            ("Dana Morales", "Dana Mendes"),
        ] {
            assert_eq!(rel(a, b), Relation::Different, "{a} / {b}");
        }
    }

    #[test]
    fn a_given_name_one_letter_off_in_four_or_more_is_one_name_spelled_two_ways() {
        for (a, b) in [
            ("Dana Ortega", "Dena Ortega"),
            ("Mira Brandt", "Mina Brandt"),
        ] {
            assert_eq!(rel(a, b), Relation::Spelled, "{a} / {b}");
        }
    }

    #[test]
    fn one_name_as_a_person_and_as_an_organisation_cannot_be_told() {
        let person = index().who("Dana Ortega");
        assert_eq!(person.kind, WhoKind::Person);
        let organisation = Who {
            kind: WhoKind::Organisation,
            ..person.clone()
        };
        assert_eq!(relation(&person, &organisation), Relation::Unknown);
        assert_eq!(relation(&organisation, &person), Relation::Unknown);
        assert_eq!(
            relation(&organisation, &organisation.clone()),
            Relation::Same
        );
    }

    #[test]
    fn a_double_surname_written_in_part_is_one_person() {
        for (a, b) in [
            ("Lena Vidal-Moreno", "Lena Vidal"),
            ("Lena Vidal-Moreno", "Lena Moreno"),
        ] {
            assert_eq!(rel(a, b), Relation::Same, "{a} / {b}");
        }
    }

    #[test]
    fn given_names_alike_across_orders_prefer_the_same_name_to_a_spelling() {
        // First given names differ ("John"/"Dana"); across the rest, "Dana" is written
        // alike on both sides and "John"/"Jon" is a spelling: the same person, not spelled.
        assert_eq!(rel("John Dana Ortega", "Dana Jon Ortega"), Relation::Same);
    }

    #[test]
    fn descriptions_unknown_words_and_organisations_against_people_cannot_be_told() {
        for (a, b) in [
            ("Russian president", "Ortega"),
            ("the statement", "Dana Ortega"),
            ("Varnholm", "Ortega"), // never seen in full, no title: not known to be a person
            ("Ministry of Ports", "Dana Ortega"),
            ("J. Ortega", "Dana Ortega"),
            ("Committee", "Treasury Office"),
        ] {
            assert_eq!(rel(a, b), Relation::Unknown, "{a} / {b}");
        }
    }

    #[test]
    fn organisations_by_acronym_containment_or_no_shared_word() {
        assert_eq!(rel("FRPC", "Federal Rate Policy Committee"), Relation::Same);
        assert_eq!(
            rel("Committee", "Federal Rate Policy Committee"),
            Relation::Same
        );
        assert_eq!(rel("the Port Authority", "Port Authority"), Relation::Same);
        assert_eq!(
            rel("Harbour Ministry", "Federal Rate Policy Committee"),
            Relation::Different
        );
        assert_eq!(
            rel("Federal Ports Agency", "Federal Rate Policy Committee"),
            Relation::Unknown
        );
    }

    #[test]
    fn aliases_and_entity_variants_apply_to_full_names_and_surnames() {
        let mut index = index();
        index.add_alias("Dana Ortega", "Dee Ortega");
        index.add_entity("Ivo Brandt", &["Brandtt".to_string()]);
        assert_eq!(index.canonical("Ms. Dee Ortega"), "Dana Ortega");
        assert_eq!(index.canonical("Ivo Brandtt"), "Ivo Brandt");
        assert_eq!(index.canonical("Mr Brandtt"), "Ivo Brandt");
        assert_eq!(
            relation(&index.who("Dee Ortega"), &index.who("Ortega")),
            Relation::Same
        );
    }
}
