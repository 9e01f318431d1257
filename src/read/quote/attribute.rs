//! Attribution: who said each quotation.
//!
//! The quotation's own sentence comes first: the claim after the closing mark (“…,” said X /
//! “…,” X said / “…” — X), then, for a quotation (not a phrase), the claim before the opening
//! mark (X said that “…” / X told Y: “…”), then a relative clause it sits in, then the
//! sentence's named subject whatever its verb (X described it as “…”), then the subject of
//! the sentence just before (X chimed in. “…”). Pronouns resolve to the last person named
//! as a sentence's subject, any verb, at most [`PRONOUN_WINDOW_PARAGRAPHS`] back, because
//! that is how news prose hands a speaker on ("X pitched the plan. “…,” she wrote."); "the
//! statement", "it", "the company", "the spokesperson" resolve within
//! [`REFERENCE_WINDOW_PARAGRAPHS`]. A quotation with none of these continues the previous
//! quotation's speaker only when it follows it in the same paragraph or opens the next with
//! nobody named in between. Anything else has no speaker: the reader says so rather than
//! guessing from far away. The rules, one sentence each, are in docs/accuracy.md.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::claims::{Claim, Mention, Subj};
use super::layout::Layout;
use super::marks::Found;
use super::names::{Run, RunKind};
use super::words::{FEMALE_HONORIFICS, MALE_HONORIFICS, TITLE_CUES, TITLE_FUNCTION_WORDS, is_in};
use super::{
    Attribution, MIN_QUOTE_WORDS, PRONOUN_WINDOW_PARAGRAPHS, Quote, QuoteKind,
    REFERENCE_WINDOW_PARAGRAPHS, Speaker, last_at_or_before,
};
use crate::text::word_count;

/// Every quotation of `founds` as a [`Quote`], its speaker taken from the claims (resolved)
/// around it, or continued from the quotation before.
pub(super) fn attribute(
    text: &str,
    founds: &[Found],
    layout: &Layout,
    claims: &[Claim],
    mentions: &[Mention],
) -> Vec<Quote> {
    let paras = &layout.paras;
    let starts = &layout.starts;
    let mut quotes: Vec<Quote> = Vec::with_capacity(founds.len());
    let mut prev_quote: Option<usize> = None; // index into founds of the last Quote-kind
    for (qi, f) in founds.iter().enumerate() {
        let qtext = f.text(text);
        let title = is_title(text, f.open(), &qtext);
        let kind = if word_count(&qtext) >= MIN_QUOTE_WORDS && !title {
            QuoteKind::Quote
        } else {
            QuoteKind::Phrase
        };
        let open = f.open();
        let end = f.end();
        let first_para = paras.get(f.first_para).cloned().unwrap_or(0..0);
        let last_para = paras.get(f.last_para).cloned().unwrap_or(0..0);
        // A phrase in marks before the quotation does not end the sentence's claims ("Lee
        // called it “unfair” and said “…”"); a quotation does.
        let prev_end_same_para = founds[..qi]
            .iter()
            .zip(&quotes)
            .rev()
            .take_while(|(g, _)| g.last_para >= f.first_para)
            .find(|(g, q)| g.last_para == f.first_para && q.kind == QuoteKind::Quote)
            .map(|(g, _)| g.end());
        // Sentence starts and claims are sorted by position: binary searches keep this
        // loop linear in the number of quotations.
        let before_lo = last_at_or_before(starts, open)
            .unwrap_or(first_para.start)
            .max(prev_end_same_para.unwrap_or(0))
            .max(first_para.start);
        let next_open_same_para = founds
            .get(qi + 1)
            .filter(|g| g.first_para == f.last_para)
            .map(Found::open);
        // A question or exclamation ends its sentence inside the marks: the claim is the
        // next sentence ("“Why not?” Lee asked.").
        let asks = qtext.ends_with(['?', '!']);
        let next_start = starts.partition_point(|&s| s < end);
        let after_hi = starts
            .get(
                next_start
                    + usize::from(
                        asks && starts.get(next_start).is_some_and(|&s| {
                            text.get(end..s).is_some_and(|gap| gap.trim().is_empty())
                        }),
                    ),
            )
            .copied()
            .unwrap_or(last_para.end)
            .min(next_open_same_para.unwrap_or(usize::MAX))
            .min(last_para.end);
        let after = claims
            .get(claims.partition_point(|c| c.pos < end))
            .filter(|c| c.pos < after_hi);
        let before = claims
            .partition_point(|c| c.pos < open)
            .checked_sub(1)
            .and_then(|i| claims.get(i))
            .filter(|c| c.pos >= before_lo);

        let mut speaker: Option<Speaker> = None;
        let mut attributed = false;
        if let Some(run) = dash_signature(text, end, last_para.end) {
            // "“…” — Dana Ortega": the name after a dash, ending the paragraph.
            speaker = Some(speaker_of(&run, Attribution::Explicit));
            attributed = true;
        } else if let Some(c) = after {
            speaker = c.speaker.clone();
            attributed = true;
        } else if kind == QuoteKind::Quote
            && let Some(c) = before
        {
            speaker = c.speaker.clone();
            attributed = true;
        }
        let sentence = last_at_or_before(starts, open).unwrap_or(first_para.start);
        if !attributed && kind == QuoteKind::Quote {
            // No speech verb: the named subject of the quotation's own sentence, whatever its
            // verb ("Lee described the plan as “…”").
            let i = mentions.partition_point(|m| m.pos < open);
            let own = i
                .checked_sub(1)
                .and_then(|k| mentions.get(k))
                .filter(|m| m.sentence == sentence && m.pos >= before_lo);
            // Or of the sentence just before it in the paragraph, when the quotation opens its
            // own sentence and follows that subject ("Lee chimed in. “…”").
            let before_sentence = last_at_or_before(starts, sentence.saturating_sub(1))
                .filter(|&b| b >= first_para.start && sentence > first_para.start);
            let prev = i.checked_sub(1).and_then(|k| mentions.get(k)).filter(|m| {
                Some(m.sentence) == before_sentence
                    && sentence == open
                    && prev_end_same_para.is_none_or(|e| m.pos > e)
            });
            if let Some(run) = relative_clause_head(text, before_lo.max(sentence), open) {
                // "… the group Acme, which aims to promote “…”": Acme's words.
                speaker = Some(speaker_of(&run, Attribution::Explicit));
            } else if let Some(m) = own {
                speaker = m.speaker.clone();
            } else {
                // A continuation first: "“…,” Lee said. “…”" is Lee's continued quotation,
                // with the description her claim gave; then the sentence before.
                speaker = continuation(
                    f,
                    prev_quote.map(|i| (&founds[i], &quotes[i])),
                    claims,
                    mentions,
                    paras,
                )
                .or_else(|| prev.and_then(|m| m.speaker.clone()));
            }
        }
        if kind == QuoteKind::Quote {
            prev_quote = Some(qi);
        }
        if title {
            speaker = None;
        }
        quotes.push(Quote {
            span: open..end,
            text: qtext,
            kind,
            unbalanced: f.unbalanced(),
            speaker,
        });
    }
    quotes
}

/// The name a relative clause holding the quotation hangs from: "Acme, which aims to
/// promote “…”" (text[lo..open] before the opening mark; no comma after "which"/"who").
fn relative_clause_head(text: &str, lo: usize, open: usize) -> Option<Run> {
    let toks = super::scan::tokens(text, &(lo..open));
    let w = toks.iter().rposition(|t| matches!(t.s, "which" | "who"))?;
    if w < 2 || toks[w - 1].s != "," || toks[w + 1..].iter().any(|t| t.s == ",") {
        return None;
    }
    let (_, run) = super::names::name_run_back(text, &toks, w - 1)?;
    Some(run)
}

/// A name signing a quotation: a dash after the closing mark at `end`, then a name, then the
/// end of the paragraph (`para_end`).
fn dash_signature(text: &str, end: usize, para_end: usize) -> Option<Run> {
    let rest = text.get(end..para_end)?.trim_start();
    let name = rest.strip_prefix(['—', '–'])?;
    let from = para_end - name.len();
    let toks = super::scan::tokens(text, &(from..para_end));
    let (e, run) = super::names::name_run_fwd(text, &toks, 0)?;
    let trailing_ok = toks.get(e).is_none_or(|t| matches!(t.s, "." | ","));
    (trailing_ok && run.kind != RunKind::Single).then_some(run)
}

/// Whether the marks opening at `open` hold a title or a name, not somebody's words: a title
/// cue right before them ("the show “…”", "a book titled “…”"), or words in title case with
/// no sentence punctuation ("“Meet the Press”", "“Wheel of Fortune”").
fn is_title(text: &str, open: usize, inside: &str) -> bool {
    let before = text.get(..open).unwrap_or("");
    let cue = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| is_in(TITLE_CUES, &w.to_lowercase()));
    if cue {
        return true;
    }
    let body = inside.trim_end_matches([',', '.']);
    if body.contains(['.', ',', '!', '?', ';', ':']) {
        return false;
    }
    let words: Vec<&str> = body.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalised >= 2
        && words.iter().enumerate().all(|(i, w)| {
            w.chars().next().is_some_and(|c| !c.is_lowercase())
                || (i > 0 && is_in(TITLE_FUNCTION_WORDS, w))
        })
}

/// The previous quotation's speaker, when this one plainly continues it.
fn continuation(
    f: &Found,
    prev: Option<(&Found, &Quote)>,
    claims: &[Claim],
    mentions: &[Mention],
    paras: &[Range<usize>],
) -> Option<Speaker> {
    let (pf, pq) = prev?;
    let sp = pq.speaker.as_ref()?;
    let same_para = pf.last_para == f.first_para;
    let opens_next = f.first_para == pf.last_para + 1
        && paras.get(f.first_para).is_some_and(|p| p.start == f.open());
    if !same_para && !opens_next {
        return None;
    }
    let from = claims.partition_point(|c| c.pos <= pf.end());
    let other_speaker_between = claims[from..]
        .iter()
        .take_while(|c| c.pos < f.open())
        .any(|c| c.speaker.as_ref().is_none_or(|s| s.name != sp.name));
    // Someone else named as a sentence's subject in between ("Kim disagreed.") too.
    let from = mentions.partition_point(|m| m.pos <= pf.end());
    let other_subject_between = mentions[from..]
        .iter()
        .take_while(|m| m.pos < f.open())
        .any(|m| m.speaker.as_ref().is_some_and(|s| s.name != sp.name));
    if other_speaker_between || other_subject_between {
        return None;
    }
    Some(Speaker {
        attribution: Attribution::Continuation,
        ..sp.clone()
    })
}

/// Give every claim and every sentence subject its speaker: names as written, pronouns and
/// references resolved to the last person or organisation named within their window, in
/// text order. A person is "named" by any sentence's subject ([`Mention`]), whatever its
/// verb, not only by a claim; an organisation by any organisation name, or by a subject that
/// nothing marks as a person (no title, honorific or description: "Acme said …; it added").
pub(super) fn resolve_claims(
    claims: &mut [Claim],
    orgs: &[(usize, usize, Run)],
    mentions: &mut [Mention],
    surnames: &HashSet<String>,
    body: &str,
) {
    let mut people = Context {
        body,
        ..Context::default()
    };
    let mut org_iter = orgs.iter().peekable();
    let mut mi = 0;
    for c in claims.iter_mut() {
        loop {
            let org_pos = org_iter.peek().map_or(usize::MAX, |o| o.0);
            let mention_pos = mentions.get(mi).map_or(usize::MAX, |m| m.pos);
            if org_pos.min(mention_pos) >= c.pos {
                break;
            }
            if org_pos <= mention_pos {
                if let Some((_, para, run)) = org_iter.next() {
                    people.last_org = Some((*para, speaker_of(run, Attribution::Reference)));
                }
            } else if let Some(m) = mentions.get_mut(mi) {
                m.speaker = people.resolve(&m.subj, m.para, false, false, surnames);
                mi += 1;
            }
        }
        c.speaker = people.resolve(&c.subj, c.para, c.according, true, surnames);
    }
    for m in mentions.iter_mut().skip(mi) {
        m.speaker = people.resolve(&m.subj, m.para, false, false, surnames);
    }
}

/// The people and organisations named so far, for pronouns and references.
#[derive(Default)]
struct Context<'a> {
    /// The last person named, with their paragraph.
    last_person: Option<(usize, Speaker)>,
    /// Every person named, in order, with their paragraph, for "he"/"she".
    people: Vec<(usize, Speaker)>,
    /// Who is known to be a woman (true) or a man (false), by surname.
    genders: HashMap<String, bool>,
    /// The last organisation (or unmarked name) named, with its paragraph.
    last_org: Option<(usize, Speaker)>,
    /// The organisation or unnamed source that spoke last, or the last organisation named as
    /// a subject: who issued "the statement" (a person known as one does not: a statement
    /// given to a person is a false attribution waiting to happen).
    last_source: Option<(usize, Speaker)>,
    /// Every person named with a description, for "the Ohio senator".
    described: Vec<(usize, Speaker)>,
    /// The article's body, read for [`Context::titles`] only when a reference needs them.
    body: &'a str,
    /// The title words written before each surname anywhere in the article
    /// ([`super::names::titles_by_surname`]), for "the president" after "President Lee".
    titles: OnceCell<HashMap<String, HashSet<String>>>,
}

impl Context<'_> {
    /// The titles written before each surname, read from the body the first time they are
    /// needed: most articles never ask, and a pass over the body is not free.
    fn titles(&self) -> &HashMap<String, HashSet<String>> {
        self.titles
            .get_or_init(|| super::names::titles_by_surname(self.body))
    }

    /// A name marked as a person's (a title, honorific or description, or "she said"
    /// resolved to it) is never an organisation's: "the company said" does not go back to
    /// it, though an unmarked full name before may have been taken for one. The surname
    /// alone marks the full name ("Tessa Marlowe said …", then "Marlowe, the fire chief,
    /// said"), as it names the same person everywhere else.
    fn not_an_organisation(&mut self, name: &str) {
        let key = surname_key(name);
        if self
            .last_org
            .as_ref()
            .is_some_and(|(_, o)| o.name == name || !key.is_empty() && surname_key(&o.name) == key)
        {
            self.last_org = None;
        }
    }

    fn person(&mut self, para: usize, s: Speaker) {
        self.people.push((para, s.clone()));
        self.last_person = Some((para, s));
    }

    /// Whether `name` is known to be a woman's (honorific, or a pronoun resolved to it).
    fn female(&self, name: &str) -> Option<bool> {
        let first = name.split_whitespace().next()?.trim_end_matches('.');
        if is_in(FEMALE_HONORIFICS, first) {
            return Some(true);
        }
        if is_in(MALE_HONORIFICS, first) {
            return Some(false);
        }
        self.genders.get(&surname_key(name)).copied()
    }

    /// Who `subj`, written in paragraph `para`, names; remembered for what follows.
    fn resolve(
        &mut self,
        subj: &Subj,
        para: usize,
        according: bool,
        speaks: bool,
        surnames: &HashSet<String>,
    ) -> Option<Speaker> {
        let within = |from: &Option<(usize, Speaker)>, window: usize| {
            from.as_ref()
                .filter(|(p, _)| para >= *p && para - *p <= window)
                .map(|(_, s)| s.clone())
        };
        let attributed = |s: Speaker, attribution: Attribution| Speaker { attribution, ..s };
        let explicit = if according {
            Attribution::AccordingTo
        } else {
            Attribution::Explicit
        };
        match subj {
            Subj::Name(run) => {
                self.named(para, run, surnames, explicit, speaks);
                Some(speaker_of(run, explicit))
            }
            Subj::Described(run) => match self.described_as(&run.name) {
                Some(s) => {
                    let s = attributed(s, Attribution::Reference);
                    self.person(para, s.clone());
                    Some(s)
                }
                None => self.resolve(&Subj::Name(run.clone()), para, according, speaks, surnames),
            },
            Subj::Personal { female } => {
                // The last person in the window not known to be of the other gender (by an
                // honorific, or a pronoun that already named them).
                let s = self
                    .people
                    .iter()
                    .rev()
                    .take_while(|(p, _)| para >= *p && para - *p <= PRONOUN_WINDOW_PARAGRAPHS)
                    .find(|(_, s)| self.female(&s.name) != Some(!*female))
                    .map(|(_, s)| attributed(s.clone(), Attribution::Pronoun));
                if let Some(s) = &s {
                    self.genders.insert(surname_key(&s.name), *female);
                    self.not_an_organisation(&s.name);
                    self.person(para, s.clone());
                }
                s
            }
            Subj::It => {
                let s = within(&self.last_org, REFERENCE_WINDOW_PARAGRAPHS);
                if let Some(s) = &s {
                    self.last_org = Some((para, s.clone()));
                    if speaks {
                        self.last_source = Some((para, s.clone()));
                    }
                }
                s
            }
            Subj::Reference {
                person,
                described,
                document,
            } => {
                let s = if *person {
                    described
                        .as_deref()
                        .and_then(|d| self.described(d, para))
                        .or_else(|| within(&self.last_person, REFERENCE_WINDOW_PARAGRAPHS))
                } else if *document {
                    // "the statement said": the statement of the organisation that spoke.
                    within(&self.last_source, REFERENCE_WINDOW_PARAGRAPHS)
                } else {
                    within(&self.last_org, REFERENCE_WINDOW_PARAGRAPHS)
                }
                .map(|s| attributed(s, Attribution::Reference));
                if let Some(s) = &s {
                    if *person {
                        self.person(para, s.clone());
                    } else {
                        self.last_org = Some((para, s.clone()));
                    }
                    if speaks {
                        self.last_source = Some((para, s.clone()));
                    }
                }
                // "the Marovian president", introduced by no name: the description itself.
                s.or_else(|| {
                    described
                        .as_ref()
                        .filter(|d| d.chars().any(char::is_uppercase))
                        .map(|d| Speaker {
                            name: d.clone(),
                            span: None,
                            attribution: Attribution::Explicit,
                            description: None,
                        })
                })
            }
            Subj::Unresolvable => None,
            Subj::Anonymous { name, span } => {
                let s = Speaker {
                    name: name.clone(),
                    span: Some(span.clone()),
                    attribution: explicit,
                    description: None,
                };
                if speaks {
                    self.last_source = Some((para, s.clone()));
                }
                self.described.push((
                    para,
                    Speaker {
                        description: Some(name.clone()),
                        ..s.clone()
                    },
                ));
                Some(s)
            }
        }
    }

    fn named(
        &mut self,
        para: usize,
        run: &Run,
        surnames: &HashSet<String>,
        attribution: Attribution,
        speaks: bool,
    ) {
        let s = speaker_of(run, attribution);
        let person = match run.kind {
            RunKind::Person => true,
            RunKind::Org => false,
            // A surname the article writes in a full name or after a title ("President Lee").
            RunKind::Single => {
                let key = run.name.to_lowercase();
                surnames.contains(&key) || self.titles().contains_key(&key)
            }
        };
        // A known surname is a person's; an unmarked full name may be an organisation's.
        let known = run.kind == RunKind::Single && person;
        let marked_person = known
            || person
                && (run.description.is_some()
                    || run.name.split_whitespace().next().is_some_and(|w| {
                        super::words::is_in(super::words::HONORIFICS, w.trim_end_matches('.'))
                    }));
        if person {
            self.person(para, s.clone());
            if s.description.is_some() {
                self.described.push((para, s.clone()));
            }
        }
        if marked_person {
            self.not_an_organisation(&s.name);
        }
        if !marked_person {
            let org = Speaker {
                attribution: Attribution::Reference,
                ..s.clone()
            };
            if run.kind == RunKind::Org {
                self.last_source = Some((para, org.clone()));
            }
            self.last_org = Some((para, org));
        }
        if speaks && !marked_person {
            self.last_source = Some((para, s));
        }
    }

    /// The last person one of whose descriptions ends in `d`'s words: "Ohio Republican" for
    /// "Tom Reyes, an Ohio Republican" (a name is matched only where a description ends).
    fn described_as(&self, d: &str) -> Option<Speaker> {
        let want: Vec<String> = d.split_whitespace().map(str::to_lowercase).collect();
        self.described
            .iter()
            .rev()
            .find(|(_, s)| {
                s.description
                    .as_deref()
                    .unwrap_or("")
                    .split(',')
                    .any(|part| {
                        let words: Vec<String> =
                            part.split_whitespace().map(str::to_lowercase).collect();
                        words.ends_with(&want)
                    })
            })
            .map(|(_, s)| s.clone())
    }

    /// The last person whose description holds every word of `d` ("Marovian president" for
    /// "Marovian President Ana Lee"), anywhere before; a bare noun ("the president") only
    /// within [`REFERENCE_WINDOW_PARAGRAPHS`] of `para`, as it means whoever is in view.
    ///
    /// A bare noun first looks for the person last *mentioned* in view who holds the role,
    /// by the description given with a mention or by a title the article writes before
    /// their name anywhere: "President Lee" in the first paragraph, another president
    /// introduced in the third, "Lee announced …" in the fifth, then "The president said"
    /// is Lee, the person in view.
    fn described(&self, d: &str, para: usize) -> Option<Speaker> {
        let words: Vec<String> = d.split_whitespace().map(str::to_lowercase).collect();
        let bare = words.len() == 1;
        let holds = |desc: &str| {
            let desc = desc.to_lowercase();
            let have: Vec<&str> = desc
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .collect();
            words.iter().all(|w| have.contains(&w.as_str()))
        };
        if bare {
            let titled = |name: &str| {
                self.titles()
                    .get(&surname_key(name))
                    .is_some_and(|t| words.iter().all(|w| t.contains(w)))
            };
            let in_view = self
                .people
                .iter()
                .rev()
                .take_while(|(p, _)| para >= *p && para - *p <= REFERENCE_WINDOW_PARAGRAPHS)
                .find(|(_, s)| s.description.as_deref().is_some_and(holds) || titled(&s.name));
            if let Some((_, s)) = in_view {
                return Some(s.clone());
            }
        }
        self.described
            .iter()
            .rev()
            .filter(|(p, _)| !bare || para >= *p && para - *p <= REFERENCE_WINDOW_PARAGRAPHS)
            .find(|(_, s)| holds(s.description.as_deref().unwrap_or("")))
            .map(|(_, s)| s.clone())
    }
}

/// A person's surname, lower case: "Lina Osei" and "Osei" are one person for "she".
fn surname_key(name: &str) -> String {
    name.split_whitespace().last().unwrap_or("").to_lowercase()
}

fn speaker_of(run: &Run, attribution: Attribution) -> Speaker {
    Speaker {
        name: run.name.clone(),
        span: Some(run.span.clone()),
        attribution,
        description: run.description.clone(),
    }
}
