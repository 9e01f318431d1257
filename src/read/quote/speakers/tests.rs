//! The speaker index's tests: each identity rule on made-up names.

use super::*;

fn index() -> SpeakerIndex {
    let mut index = SpeakerIndex::new();
    index.observe_text("Dana Ortega met Ivo Brandt. Jill Marsh and Tom Marsh came later.");
    index
}

#[test]
fn honorifics_and_ranks_are_not_part_of_the_name() {
    let index = index();
    for w in [
        "Mr Ortega",
        "Ms. Ortega",
        "Dr Ortega",
        "Rep. Ortega",
        "Sen. Ortega",
        "Gov. Ortega",
        "Gen. Dana Ortega",
    ] {
        assert_eq!(index.canonical(w), "Dana Ortega", "{w}");
    }
    // With no full name in the corpus, the surname alone (never "Mr Varnholm").
    assert_eq!(index.canonical("Mr Varnholm"), "Varnholm");
    assert_eq!(index.who("Mr Varnholm").kind, WhoKind::Person);
    assert_eq!(index.who("Varnholm").kind, WhoKind::Unknown);
}

#[test]
fn titles_and_job_descriptions_before_the_name_are_set_aside() {
    let index = index();
    for w in [
        "Acme CEO Dana Ortega",
        "hospital director Dana Ortega",
        "Acme's chief executive, Dana Ortega",
        "Deputy Foreign Minister Dana Ortega",
        "US MP Dana Ortega",
        "Secretary of State Dana Ortega",
    ] {
        let who = index.who(w);
        assert_eq!(who.name, "Dana Ortega", "{w}");
        assert_eq!(who.given, ["Dana"], "{w}");
        assert_eq!(who.surname, "Ortega", "{w}");
    }
}

#[test]
fn middle_initials_and_suffixes() {
    let index = index();
    let who = index.who("H. Dana Ortega");
    assert_eq!(
        (who.given.clone(), who.initials.clone()),
        (vec!["Dana".to_string()], vec!['h'])
    );
    let who = index.who("Dana J.R. Ortega");
    assert_eq!(who.initials, ['j', 'r']);
    let who = index.who("Dana Ortega Jr.");
    assert_eq!(
        (who.name.as_str(), who.surname.as_str()),
        ("Dana Ortega", "Ortega")
    );
    assert_eq!(index.who("Ivo Brandt III").surname, "Brandt");
    assert_eq!(index.who("Ivo Brandt Sr").given, ["Ivo"]);
}

#[test]
fn surnames_keep_their_particles() {
    let mut index = SpeakerIndex::new();
    index.observe_speaker("Acme CEO Bram van Aalst");
    let who = index.who("Bram van Aalst");
    assert_eq!(
        (who.given.clone(), who.surname.as_str()),
        (vec!["Bram".to_string()], "van Aalst")
    );
    assert_eq!(index.canonical("Mr Aalst"), "Bram van Aalst");
    assert_eq!(index.who("Lucia de la Vega").surname, "de la Vega");
}

#[test]
fn a_surname_shared_by_two_full_names_stays_a_surname() {
    let index = index();
    let who = index.who("Ms. Marsh");
    assert_eq!((who.name.as_str(), who.kind), ("Marsh", WhoKind::Person));
    assert!(who.given.is_empty());
}

#[test]
fn descriptions_organisations_and_acronyms() {
    let index = index();
    assert_eq!(index.who("Russian president").kind, WhoKind::Description);
    assert_eq!(index.who("the statement").kind, WhoKind::Description);
    for w in [
        "Federal Rate Policy Committee",
        "FRPC",
        "Foreign Ministry",
        "Bank of Tarsis",
    ] {
        assert_eq!(index.who(w).kind, WhoKind::Organisation, "{w}");
    }
    // An organisation's name keeps its words: "Foreign Ministry", not "Ministry".
    assert_eq!(index.canonical("the Foreign Ministry"), "Foreign Ministry");
    // A person named after an organisation word's title is a person.
    assert_eq!(
        index.who("Foreign Ministry spokeswoman Dana Ortega").kind,
        WhoKind::Person
    );
}

#[test]
fn aliases_apply_to_written_names_names_without_titles_and_surnames() {
    let mut index = index();
    index.add_alias("Dana Ortega", "the port's chief");
    index.add_alias("Dana Ortega", "Dee Ortega");
    index.add_alias("Ivo Brandt", "Brant");
    assert_eq!(index.canonical("the port's chief"), "Dana Ortega");
    assert_eq!(index.canonical("Sen. Dee Ortega"), "Dana Ortega");
    assert_eq!(index.canonical("Mr. Brant"), "Ivo Brandt");
    assert_eq!(index.who("Dee Ortega").given, ["Dana"]);
}

#[test]
fn entity_variants_apply_to_whole_names_and_surnames() {
    let mut index = SpeakerIndex::new();
    index.add_entity(
        "Ivo Brandt",
        &["Iwo Brant".to_string(), "Brandtt".to_string()],
    );
    assert_eq!(index.canonical("Iwo Brant"), "Ivo Brandt");
    assert_eq!(index.canonical("Mr. Iwo Brant"), "Ivo Brandt");
    assert_eq!(index.canonical("Ivo Brandtt"), "Ivo Brandt");
    assert_eq!(index.canonical("Brandtt"), "Ivo Brandt");
    // The entity's own name expands its surname.
    assert_eq!(index.canonical("Brandt"), "Ivo Brandt");
}

#[test]
fn honorific_surnames_and_initials_do_not_stop_a_surname_expanding() {
    // "Ms Lund" and "Mr. Lund" are not full names; "Ana B. Lund" (a speaker as written) and
    // "Ana Lund" are one person; "Secretary of State Ana Lund" is Ana Lund.
    let mut index = SpeakerIndex::new();
    index.observe_text("Ana Lund spoke first. Ms Lund said more, and Mr. Lund too.");
    index.observe_text("Secretary of State Ana Lund wrote. Dan Vale and Daniel Vale came.");
    assert_eq!(index.canonical("Ms Lund"), "Ana Lund");
    index.observe_speaker("President Ana B. Lund");
    assert_eq!(index.canonical("Ms Lund"), "Ana B. Lund");
    assert_eq!(index.canonical("Lund"), "Ana B. Lund");
    // A given name written short ("Dan"/"Daniel") is one person, written in full.
    assert_eq!(index.canonical("Mr. Vale"), "Daniel Vale");
    // Two people, neither given name a short form of the other: the surname stays.
    let mut two = SpeakerIndex::new();
    two.observe_text("Ana Lund and Ivo Lund spoke.");
    assert_eq!(two.canonical("Ms Lund"), "Lund");
}
