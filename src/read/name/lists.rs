//! The name reader's word lists, one bit per list, so that each word of an article is looked
//! up once and every later test is a bit test.

use std::sync::LazyLock;

/// Capitalised words that are never names (or not on their own): function words that open
/// sentences, pronouns, numbers in words, months and weekdays. "us" is absent on purpose
/// ("US" is a name); "may" is handled apart (Clara May).
const STOP_WORDS_LIST: &str = "\
    a about according additionally after afterwards again against ahead all already also \
    although among an and another any are as at be because been before being between both but \
    by can could despite did do does during each eight either even every few finally first \
    five for four from further furthermore had has have he her here hers his how however i if \
    in indeed instead into is it its just last later least less let like many meanwhile might \
    mine more moreover most much must my neither nevertheless next nine no none nonetheless \
    nor not now of on once one only or other others our ours over perhaps please second seven \
    several she shortly should since six so some sooner still such ten than that the their \
    theirs them then there these they third this those though three through thus to today \
    tomorrow tonight two under unless unlike until very was we were what whatever when where \
    whether which while who whom whose why will with within without would yes yesterday yet \
    you your january february march april june july august september october november december \
    monday tuesday wednesday thursday friday saturday sunday";

/// Words before "May" that make it the month ("in May", "since May").
const MAY_MONTH_CUES_LIST: &str = "\
    in since until by last next early late mid this of on from through during";

/// Lowercase words that may join capitalised words inside one name ("Bank of Velsland",
/// "Villa la Serra", "Ida von der Brenn"). "and", "for", "on" are left out: they join
/// two names far more often than they sit inside one.
const CONNECTORS_LIST: &str = "\
    of the de da di du del della der den von van la le al el bin ibn y dos das";

/// Titles that mark the name after them as a person's.
const TITLE_CORE_LIST: &str = "\
    president chancellor minister secretary senator sen rep representative congressman \
    congresswoman mr mrs ms dr gen col colonel lt maj capt captain adm admiral sgt governor \
    gov mayor king queen prince princess pope sheikh emir ayatollah ambassador spokesman \
    spokeswoman spokesperson chairman chairwoman speaker premier mp sir dame lord lady judge \
    commissioner professor prof marshal patriarch archbishop bishop rabbi imam envoy commander \
    leader";

/// Words that belong to a title only next to a core title ("Deputy Foreign Minister",
/// "Secretary of State", "Secretary General"); alone they start ordinary names ("State
/// Department", "General Assembly").
const TITLE_MODIFIERS_LIST: &str = "\
    deputy vice prime foreign defence defense interior finance economy health justice state \
    general acting former first chief senior executive supreme opposition lieutenant major \
    attorney home trade energy education national security affairs of the";

/// Abbreviated titles written with a dot ("Mr.", "Gen."): the dot is not a sentence end.
const TITLE_ABBREVIATIONS_LIST: &str = "\
    mr mrs ms dr gen col lt maj capt adm sgt gov sen rep prof st";

/// Lowercase words right before a name that make it a person ("Tarkiv spokesman Emil
/// Dravik", "the new chancellor Jonas Brecke").
const LOWER_TITLES_LIST: &str = "\
    president chancellor minister secretary senator spokesman spokeswoman spokesperson \
    ambassador chairman chairwoman governor mayor premier leader envoy general colonel \
    commander director king queen prince pope lawmaker congressman congresswoman adviser \
    advisor analyst diplomat journalist founder expert";

/// Arabic-style particles written lowercase and hyphenated before a capitalised name
/// ("al-Assad"): the word is still a name.
const NAME_PARTICLES_LIST: &str = "\
    al el ad as ash an ibn bin abu";

/// Which of the lists above a word is on, one bit per list, so that each word of an article
/// is looked up once (in [`super::word::make_word`]) and every later test is a bit test.
pub(super) const STOP: u8 = 1;
pub(super) const MAY_CUE: u8 = 2;
pub(super) const CONNECTOR: u8 = 4;
pub(super) const TITLE: u8 = 8;
pub(super) const TITLE_MODIFIER: u8 = 16;
pub(super) const ABBREVIATION: u8 = 32;
pub(super) const LOWER_TITLE: u8 = 64;
pub(super) const PARTICLE: u8 = 128;

/// Every listed word with its list bits, and the length of the longest. Hashed with
/// foldhash, not SipHash: every word of every article is looked up here.
static LISTS: LazyLock<(foldhash::HashMap<&'static str, u8>, usize)> = LazyLock::new(|| {
    let mut lists = foldhash::HashMap::default();
    for (list, bit) in [
        (STOP_WORDS_LIST, STOP),
        (MAY_MONTH_CUES_LIST, MAY_CUE),
        (CONNECTORS_LIST, CONNECTOR),
        (TITLE_CORE_LIST, TITLE),
        (TITLE_MODIFIERS_LIST, TITLE_MODIFIER),
        (TITLE_ABBREVIATIONS_LIST, ABBREVIATION),
        (LOWER_TITLES_LIST, LOWER_TITLE),
        (NAME_PARTICLES_LIST, PARTICLE),
    ] {
        for word in list.split_whitespace() {
            *lists.entry(word).or_default() |= bit;
        }
    }
    let longest = lists.keys().map(|w| w.len()).max().unwrap_or(0);
    (lists, longest)
});

/// The list bits of a word as written (lists hold lowercase words).
pub(super) fn lists_of(word: &str) -> u8 {
    let (lists, longest) = &*LISTS;
    if word.len() > *longest {
        return 0;
    }
    lists.get(word).copied().unwrap_or(0)
}
