//! The quotation reader's word lists: speech verbs, titles, organisation words, the nouns
//! and pronouns a speaker may be named by.
//!
//! English news conventions, written out by hand: each list is what one rule of attribution
//! (see the parent module) needs to tell a speaker from a passing name, and each list is
//! small. The longer lists are looked up through [`WordList`], which the reader asks about
//! every capitalised word of an article.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::WordList;

fn re(pattern: &str) -> Regex {
    // The patterns are constants of this module, tested by the reader's tests; a failure is a
    // programming error.
    Regex::new(pattern).unwrap_or_else(|e| panic!("invalid built-in regex {pattern}: {e}"))
}

pub(super) static SPEECH_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:said|says|say|added|adds|told|tells|wrote|writes|asked|asks|noted|notes|explained|explains|stressed|stresses|warned|warns|argued|argues|insisted|insists|declared|declares|stated|claimed|claims|replied|replies|responded|remarked|recalled|commented|tweeted|posted|concluded|conceded|acknowledged|admitted|suggested|suggests|observed|emphasized|emphasised|announced|reported|quipped|cautioned|asserted|asserts|continued|disclosed|vowed|pledged|promised|predicted|urged|saying|adding|telling|noting|writing|arguing|insisting|explaining|stressing|warning|acknowledging|conceding)\b",
    )
});
pub(super) static ACCORDING_TO: LazyLock<Regex> = LazyLock::new(|| re(r"\b[Aa]ccording to\s+"));

#[rustfmt::skip]
const STOP_CAP: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "As", "If", "After", "Before", "While",
    "When", "Where", "Why", "How", "What", "Who", "Which", "Since", "Though", "Although", "So",
    "Yet", "Then", "Now", "Meanwhile", "However", "Also", "This", "That", "These", "Those", "It",
    "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "Its", "My", "For", "With",
    "By", "From", "To", "Of", "Some", "Many", "Most", "Both", "Such", "Even", "Still", "Just",
    "Only", "Last", "Next", "There", "Here", "Asked", "According", "Despite", "During", "Under",
    "Over", "Into", "Among", "Instead", "Not", "No", "Yes", "All", "Any", "Each", "Every", "Other",
    "Another", "Several", "Two", "Three", "Speaking", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Ultimately", "Separately",
    "Similarly", "Additionally", "Overall", "Whether", "Unless", "Until", "Because", "Once",
    "Let", "Please", "Mar", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Later", "Earlier",
    "Finally", "Indeed", "Thus", "Therefore", "Moreover", "Furthermore", "Nevertheless",
    "Nonetheless", "Otherwise", "Perhaps", "Today", "Yesterday", "Tonight", "Tomorrow",
    "Recently", "Currently", "Near", "Amid", "Around", "Across", "Through", "Without", "Within",
    "Against", "Along", "Beyond", "Toward", "Towards", "Upon", "Following", "Including",
    "Unlike", "Like", "Given", "About", "Between", "Behind", "Beside", "Besides", "Inside",
    "Outside",
];
pub(super) const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Miss", "Dr"];
/// Titles of address that say a person is a man, or a woman ("Mr Lee" is "he").
pub(super) const MALE_HONORIFICS: &[&str] = &["Mr", "Sir", "Lord", "King", "Prince"];
pub(super) const FEMALE_HONORIFICS: &[&str] =
    &["Mrs", "Ms", "Miss", "Dame", "Lady", "Queen", "Princess"];
pub(super) const CONNECTORS: &[&str] = &["of", "the", "for", "and", "on"];
#[rustfmt::skip]
pub(super) const PARTICLES: &[&str] = &[
    "de", "del", "da", "van", "von", "der", "al", "bin", "la", "le", "du", "den", "di", "dos",
];
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "President", "Vice", "Prime", "Minister", "Secretary", "Deputy", "Foreign", "Defense",
    "Defence", "State", "Interior", "Affairs", "Chancellor", "Senator", "Sen", "Rep",
    "Representative", "Congressman", "Congresswoman", "MP", "Governor", "Gov", "General", "Gen",
    "Ambassador", "Spokesman", "Spokeswoman", "Spokesperson", "Director", "Chairman", "Chairwoman",
    "Chair", "Chief", "Commander", "Colonel", "Col", "Admiral", "Adm", "King", "Queen", "Prince",
    "Princess", "Pope", "Mayor", "Judge", "Justice", "Speaker", "Leader", "Envoy", "Professor",
    "Prof", "Lieutenant", "Lt", "Captain", "Capt", "Major", "Maj", "Sergeant", "Sgt", "Premier",
    "Head", "Founder", "Secretary-General", "Undersecretary", "Assistant", "Attorney", "Former",
    "Acting", "Opposition", "Lord", "Lady", "Sir", "Dame", "Sheikh", "Emir", "Crown", "Patriarch",
    "Archbishop", "Bishop", "Rev", "Reverend", "Father", "Rabbi", "Imam", "CEO", "CFO", "COO",
    "CTO", "Vice-President", "Vice-Chairman", "Commissioner", "Dean", "Provost", "Sheriff",
    "Chairperson", "Marshal", "Superintendent", "Inspector",
];
/// Lowercase nouns that, written just before a name, describe the person ("ministry spokesman").
#[rustfmt::skip]
const TITLE_NOUNS: &[&str] = &[
    "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "president", "official",
    "analyst", "expert", "adviser", "advisor", "diplomat", "lawmaker", "senator", "leader", "chief",
    "director", "head", "envoy", "ambassador", "general", "commander", "governor", "mayor",
    "chairman", "chairwoman", "economist", "researcher", "professor", "journalist", "editor",
    "columnist", "founder", "member", "deputy", "speaker", "premier", "chancellor", "aide",
    "negotiator", "representative", "strategist", "scientist", "politician", "activist",
    "historian", "author", "writer", "commentator", "lawyer", "attorney", "prosecutor",
    "executive", "officer", "manager", "correspondent", "reporter", "fellow", "boss",
    "whistleblower", "chair", "co-founder", "ceo", "cfo", "judge", "partner", "investor",
    "trader", "banker", "consultant", "owner", "candidate", "congressman", "congresswoman",
    "chairperson", "host", "anchor", "commissioner", "regulator", "inspector", "investigator",
    "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister",
];
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "Department", "Ministry", "Council", "Office", "Agency", "Committee", "Commission",
    "Government", "Embassy", "Institute", "Institution", "Party", "Union", "Organization",
    "Organisation", "Bank", "Fund", "Service", "Court", "Parliament", "Duma", "Kremlin", "Pentagon",
    "Administration", "Alliance", "Bureau", "Army", "Navy", "Forces", "Police", "Assembly",
    "Senate", "Congress", "Cabinet", "Center", "Centre", "University", "Foundation", "Corporation",
    "Company", "Group", "Association", "Secretariat", "Mission", "Command", "Guard", "Ministries",
    "Directorate", "Inc", "Ltd", "Corp", "Co", "LLC", "PLC", "plc", "AG", "SA", "NV", "GmbH",
    "Holdings", "Partners", "Platforms", "Solutions", "Economics", "Technologies",
    "Systems", "Industries", "Airlines", "Airways", "Motors", "Petroleum",
    "Communications", "Pharmaceuticals", "Securities", "Investments", "Consulting",
    "Associates", "Network", "Networks", "Labs", "Studios", "Enterprises",
    "Ventures", "Board", "Authority", "Reserve", "Treasury", "Club", "Society", "Coalition",
    "Tribunal", "Agencies",
];
/// Capitalised words that end place, event and publication names, never a person's name.
#[rustfmt::skip]
const NON_PERSON_WORDS: &[&str] = &[
    "Airport", "Pact", "War", "Lands", "Sea", "River", "Street", "Square", "Asia", "Europe",
    "America", "Africa", "States", "Kingdom", "Republic", "Federation", "Nations", "East", "West",
    "North", "South", "Gazeta", "Echo", "Times", "Insider", "Post", "Journal", "Review", "Accords",
    "Treaty", "Agreement", "Summit", "Day", "Revolution", "Era", "Empire", "Sphere", "Press",
    "News", "Campaign", "Link", "Source", "Talks", "Crisis", "Region", "Islands", "Ocean",
    "Mountains", "Valley", "City", "Province", "Oblast", "Canal", "Bridge", "Hall", "Palace",
    "Kremlin", "Policy", "Cold", "Security",
];
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "also", "later", "then", "previously", "recently", "once", "has", "have", "had", "publicly",
    "privately", "earlier", "further", "simply", "bluntly", "flatly", "reportedly", "repeatedly",
    "again", "still", "often", "would", "will", "may", "might", "could", "should", "did", "does",
    "do", "not", "never", "just", "already", "separately", "angrily", "quietly", "told",
];
pub(super) const PASSIVE: &[&str] = &["is", "was", "were", "are", "be", "been", "being"];
#[rustfmt::skip]
const REF_ORG_NOUNS: &[&str] = &[
    "statement", "ministry", "department", "embassy", "agency", "government", "office", "report",
    "communique", "communiqué", "committee", "council", "commission", "kremlin", "administration",
    "letter", "company", "group", "organisation", "organization", "party", "alliance", "bureau",
    "service", "court", "army", "military", "bank", "firm", "corporation", "institute",
    "association", "union", "giant", "regulator", "lender", "insurer", "carrier", "airline",
    "producer", "maker", "manufacturer", "retailer", "broadcaster", "publisher", "network",
    "consultancy", "fund", "exchange", "watchdog", "charity", "foundation", "university",
    "board", "authority", "operator", "conglomerate", "business", "platform", "startup",
    "automaker", "supplier", "cabinet", "parliament", "senate", "congress", "police",
    "release", "filing", "decree", "memo", "notice", "announcement", "briefing", "email",
];
#[rustfmt::skip]
const REF_PERSON_NOUNS: &[&str] = &[
    "spokesman", "spokeswoman", "spokesperson", "official", "minister", "president", "diplomat",
    "envoy", "ambassador", "secretary", "chancellor", "premier", "leader", "senator", "lawmaker",
    "general", "commander", "analyst", "expert", "source", "aide", "prosecutor", "governor",
    "mayor", "negotiator", "adviser", "advisor", "executive", "chairman", "chairwoman",
    "chief", "director", "economist", "lawyer", "attorney", "prosecutor", "researcher",
    "professor", "whistleblower", "correspondent", "reporter", "manager", "founder",
];
#[rustfmt::skip]
const PLURAL_PERSON_NOUNS: &[&str] = &[
    "officials", "diplomats", "sources", "analysts", "experts", "people", "residents", "witnesses",
    "protesters", "lawmakers", "leaders", "observers", "critics", "aides", "officers", "soldiers",
    "economists", "lawyers", "executives", "representatives", "researchers", "strategists",
    "investors", "traders", "bankers", "spokespeople", "spokesmen", "ministers", "members",
    "authorities", "prosecutors", "activists", "employees", "workers", "scientists", "doctors",
    "negotiators", "advisers", "advisors",
];
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "two", "three", "four", "several", "some", "many", "other", "another",
    "two", "senior",
];

/// The longer lists above, bucketed for lookup.
pub(super) static STOP_CAP_SET: LazyLock<WordList> = LazyLock::new(|| WordList::new(STOP_CAP));
pub(super) static TITLE_WORDS_SET: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(TITLE_WORDS));
pub(super) static TITLE_NOUNS_SET: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(TITLE_NOUNS));
pub(super) static ORG_WORDS_SET: LazyLock<WordList> = LazyLock::new(|| WordList::new(ORG_WORDS));
pub(super) static NON_PERSON_WORDS_SET: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(NON_PERSON_WORDS));
pub(super) static REF_ORG_NOUNS_SET: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(REF_ORG_NOUNS));
pub(super) static REF_PERSON_NOUNS_SET: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(REF_PERSON_NOUNS));
pub(super) static PLURAL_PERSON_NOUNS_SET: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(PLURAL_PERSON_NOUNS));
pub(super) static ADVERBS_SET: LazyLock<WordList> = LazyLock::new(|| WordList::new(ADVERBS));
pub(super) static DETERMINERS_SET: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(DETERMINERS));

pub(super) fn is_in(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// Words right before quote marks that say the marks hold a title or a name ("the show
/// “Meet the Press”", "a book titled “…”"). Not "called": "what she called “a disgrace”" is
/// her words.
#[rustfmt::skip]
pub(super) const TITLE_CUES: &[&str] = &[
    "show", "programme", "program", "book", "novel", "film", "movie", "series", "song", "album",
    "podcast", "documentary", "memoir", "play", "opera", "titled", "entitled", "dubbed",
    "nicknamed", "headline", "slogan", "hashtag", "newsletter", "column",
];
/// Short words a title leaves in lower case ("Meet the Press", "Wheel of Fortune").
#[rustfmt::skip]
pub(super) const TITLE_FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "for", "to", "in", "on", "at", "by",
    "with", "from", "as", "vs", "into", "per", "via",
];

/// Nouns for a document, issued by whoever spoke last ("the statement said").
#[rustfmt::skip]
const DOC_NOUNS: &[&str] = &[
    "statement", "report", "release", "letter", "communique", "communiqué", "filing", "decree",
    "memo", "notice", "announcement", "briefing", "email", "note", "post", "analysis",
];
pub(super) static DOC_NOUNS_SET: LazyLock<WordList> = LazyLock::new(|| WordList::new(DOC_NOUNS));

/// Lowercase words after which a capitalised run is an object, not a subject ("with
/// Ortega", "for the Ortega family"): prepositions and verbs' particles.
#[rustfmt::skip]
pub(super) const PREPOSITIONS: &[&str] = &[
    "of", "to", "for", "with", "by", "at", "from", "in", "on", "about", "against", "like",
    "than", "into", "over", "under", "between", "among", "via", "per", "after", "before",
    "including", "toward", "towards", "without", "behind", "across", "through", "during",
    "despite", "near", "upon", "within", "amid", "around", "that", "whom", "whose", "the",
    "a", "an", "is", "was", "were", "are", "be", "been", "being",
];
/// Words that open a clause: a capitalised run right after one may be its subject ("…, and
/// Ortega said", "But Ortega warned").
#[rustfmt::skip]
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "as", "while", "when", "because", "although", "though", "so", "then", "yet",
    "And", "But", "As", "While", "When", "Because", "Although", "Though", "So", "Then", "Yet",
    "Now", "Meanwhile", "Still", "Also", "However", "Instead", "Indeed", "Later", "Earlier",
    "Finally", "Separately", "Similarly", "Ultimately",
];
