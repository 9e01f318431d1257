//! A run's extraction placed in its files, without the text: what the report is built from.
//!
//! Between extraction and comparison in the flow (rules + articles → extract → **placed**
//! → compare → report). Extraction finds byte spans in an article's text; the report shows
//! line, column and sentence. An article's text is large and a run may read ten thousand of
//! them, so each article's finds are placed while its text is in memory (by
//! [`crate::pipeline`]) and only the places are kept: a [`Run`] holds, for every article, its
//! metadata ([`ArticleSummary`]) and, parallel to the [`Extraction`]'s lists, where each
//! observation, problem, quotation and name mention sits ([`Places`]).
//!
//! These are plain types with no behaviour beyond their own shape, so that the report can
//! consume them without depending on the stage that fills them (the pipeline sits above
//! the report and orchestrates; the report sits above this).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use jiff::civil::Date;

use crate::corpus::{Article, ArticleProblem, Format, Origin};
use crate::extract::Extraction;
use crate::read::name;
use crate::span::{Position, Span};
use crate::text::collapse;

/// What the report needs of an article once its text is gone.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSummary {
    /// The path as given on the command line (or found under a given folder).
    pub path: PathBuf,
    pub file_name: String,
    pub source: String,
    pub title: Option<String>,
    pub published: Option<Date>,
    /// What went wrong without stopping the article from being read (decoded as
    /// windows-1252): reported with the run's problems.
    pub warnings: Vec<ArticleProblem>,
    /// How it was read and where its text came from (line and column of a page or a feed
    /// row refer to its extracted text), so it can be read again.
    pub format: Format,
    pub origin: Origin,
    /// Lines left out of extraction as boilerplate.
    pub boilerplate: usize,
}

impl ArticleSummary {
    pub fn of(a: &Article) -> Self {
        ArticleSummary {
            path: a.path.clone(),
            file_name: a.file_name.clone(),
            source: a.source.clone(),
            title: a.title.clone(),
            published: a.published,
            warnings: a.warnings.clone(),
            format: a.format,
            origin: a.origin,
            boilerplate: a.boilerplate.len(),
        }
    }
}

/// An observation placed in its file: what [`crate::report::Evidence`] shows.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidencePlace {
    pub start: Position,
    /// Just past the value's last character.
    pub end: Position,
    /// The sentence, white space collapsed (set aside in the lean CSV run, as the run is
    /// assembled).
    pub sentence: Sentence,
    /// Where the value's words sit in `sentence`.
    pub highlight: Span,
    /// The value's words, white space collapsed.
    pub raw: String,
    /// The value's bytes in the file as on disk (see [`Article::file_offset`]).
    pub file_span: Span,
}

/// An extraction problem placed in its file, with the words it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct ProblemPlace {
    pub at: Position,
    pub words: String,
}

/// Where a name mention starts: byte offset, line and column, compact (mentions are many).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamePlace {
    pub start: u32,
    pub line: u32,
    pub column: u32,
}

impl NamePlace {
    /// Values past `u32::MAX` (a file of more than 4 GB) are held as `u32::MAX`.
    pub fn new(start: usize, p: Position) -> Self {
        NamePlace {
            start: narrow(start),
            line: narrow(p.line),
            column: narrow(p.column),
        }
    }

    /// Line and column, as the report shows them.
    pub fn position(self) -> Position {
        Position {
            line: self.line as usize,
            column: self.column as usize,
        }
    }
}

/// Where a quotation sits, compact (a corpus has about eight per article): start and end
/// (just past the closing mark) as line and column, and its bytes in the file as on disk.
/// Half the size of two [`Position`]s and a [`Span`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotePlace {
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    file_start: u32,
    file_end: u32,
}

impl QuotePlace {
    /// Values past `u32::MAX` (a file of more than 4 GB) are held as `u32::MAX`.
    pub fn new(start: Position, end: Position, file_span: Span) -> Self {
        QuotePlace {
            line: narrow(start.line),
            column: narrow(start.column),
            end_line: narrow(end.line),
            end_column: narrow(end.column),
            file_start: narrow(file_span.start),
            file_end: narrow(file_span.end),
        }
    }

    pub fn start(self) -> Position {
        Position {
            line: self.line as usize,
            column: self.column as usize,
        }
    }

    /// Just past the closing mark.
    pub fn end(self) -> Position {
        Position {
            line: self.end_line as usize,
            column: self.end_column as usize,
        }
    }

    /// The quotation's bytes, marks included, in the file as on disk.
    pub fn file_span(self) -> Span {
        Span::new(self.file_start as usize, self.file_end as usize)
    }
}

use crate::span::narrow;

/// Where everything extraction found sits in its file, parallel to the [`Extraction`]'s
/// lists: `observations[i]` places `extraction.observations[i]`, and so on; `names[d]`
/// places article `d`'s name mentions, sorted by start offset (the report finds a
/// mention's place by its start).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Places {
    pub observations: Vec<EvidencePlace>,
    pub problems: Vec<ProblemPlace>,
    pub quotes: Vec<QuotePlace>,
    pub names: Vec<Vec<NamePlace>>,
}

impl Places {
    /// Set each observation's sentence aside in `file` (the lean CSV run's, as the run is
    /// assembled): at 100k articles the evidence sentences a table of findings prints
    /// weighed about 115 MB, held from reading to writing. A sentence too long for a place
    /// stays held ([`SentenceWriter::write`]).
    pub fn set_sentences_aside(&mut self, file: &mut SentenceWriter) -> std::io::Result<()> {
        for p in &mut self.observations {
            let Sentence::Held(s) = &p.sentence else {
                continue;
            };
            if s.is_empty() {
                continue;
            }
            if let Some(place) = file.write(s)? {
                p.sentence = Sentence::SetAside(place);
            }
        }
        Ok(())
    }

    /// Place one article's extraction in that article, keeping what the report needs at
    /// `detail`: at [`Detail::NoDiffs`], each observation's sentence is left empty (and its
    /// highlight at 0..0), as the formats that do not print it need not hold it (on the
    /// benchmark corpus the sentences weigh more than everything else kept of an observation);
    /// at [`Detail::FirstOnly`], only the first mention of each distinct name text is placed
    /// (the first use of a spelling in an article is the first mention of one of its texts),
    /// and only the first observation of each value of a fact keeps its sentence (the one
    /// row a table of findings prints for that value and source).
    pub fn of(a: &Article, ex: &Extraction, detail: Detail) -> Places {
        let sentences = detail.keeps_sentences();
        // A table of findings prints the sentence of the first observation of each value of
        // a fact in an article only: the others' sentences are never read.
        let mut printed: HashSet<(&str, String)> = HashSet::new();
        let observations = ex
            .observations
            .iter()
            .map(|o| {
                let shown = sentences
                    && (detail != Detail::FirstOnly
                        || printed.insert((&*o.fact, o.value.canonical())));
                let (sentence, highlight) = if shown {
                    collapse(&a.text, o.sentence, o.span)
                } else {
                    (String::new(), Span::new(0, 0))
                };
                let sentence = Sentence::Held(sentence);
                EvidencePlace {
                    start: a.position(o.span.start),
                    end: a.position(o.span.end),
                    sentence,
                    highlight,
                    raw: collapse(&a.text, o.span, o.span).0,
                    file_span: Span::new(a.file_offset(o.span.start), a.file_offset(o.span.end)),
                }
            })
            .collect();
        let problems = ex
            .problems
            .iter()
            .map(|p| ProblemPlace {
                at: a.position(p.span.start),
                words: p.span.slice(&a.text).to_string(),
            })
            .collect();
        let quotes = ex
            .quotes
            .iter()
            .map(|q| {
                let (start, end) = (q.quote.span.start, q.quote.span.end);
                QuotePlace::new(
                    a.position(start),
                    a.position(end),
                    Span::new(a.file_offset(start), a.file_offset(end)),
                )
            })
            .collect();
        let names = ex
            .names
            .iter()
            .map(|ms| {
                name_places(
                    ms.iter().map(|m| (m.text.as_str(), m.span.start)),
                    |start| a.position(start),
                    detail,
                )
            })
            .collect();
        Places {
            observations,
            problems,
            quotes,
            names,
        }
    }

    /// Add the next article's places (or the next articles'), after those already held.
    pub fn append(&mut self, other: Places) {
        self.observations.extend(other.observations);
        self.problems.extend(other.problems);
        self.quotes.extend(other.quotes);
        self.names.extend(other.names);
    }
}

/// The places of one article's name mentions, given as (text, start), sorted by start:
/// every mention's, or at [`Detail::FirstOnly`] only the first mention of each distinct
/// text (the first use of a spelling in an article is the first mention of one of its
/// texts). `position` places a start.
pub fn name_places<'a>(
    mentions: impl Iterator<Item = (&'a str, usize)> + Clone,
    position: impl Fn(usize) -> Position,
    detail: Detail,
) -> Vec<NamePlace> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    if detail == Detail::FirstOnly {
        for (text, start) in mentions.clone() {
            let s = first.entry(text).or_insert(start);
            *s = (*s).min(start);
        }
    }
    let mut places: Vec<NamePlace> = mentions
        .filter(|(text, start)| detail != Detail::FirstOnly || first.get(text) == Some(start))
        .map(|(_, start)| NamePlace::new(start, position(start)))
        .collect();
    places.sort_by_key(|p| p.start);
    places.dedup();
    places.shrink_to_fit();
    places
}

/// How much of the comparison to keep: word diffs and every use cost time and memory, and
/// not every report prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything.
    Full,
    /// No word diffs of quotation pairs, and no sentences (annotations, the wide sheet).
    NoDiffs,
    /// No word diffs; for each quotation only its first comparison (the one that gives it
    /// its status) besides every attribution conflict; for each spelling of a name only its
    /// first use in each source; for each fact, source and value only the first
    /// observation's sentence; no display values (of cells and observations) and no
    /// speaker as written or description of a quotation. What a table of findings
    /// (`check --format csv`) prints, sentences included, and nothing it does not.
    FirstOnly,
}

impl Detail {
    /// Whether evidence sentences and the sentences of name uses are kept: for every
    /// report that prints them (all but annotations and the wide sheet).
    pub fn keeps_sentences(self) -> bool {
        matches!(self, Detail::Full | Detail::FirstOnly)
    }
}

/// A whole run's extraction, without the text.
#[derive(Debug, Clone, Default)]
pub struct Run {
    /// The articles read, in path order (index = article index everywhere).
    pub articles: Vec<ArticleSummary>,
    /// The files that could not be read.
    pub unread: Vec<ArticleProblem>,
    /// What was extracted, except the name mentions (`extraction.names` is empty): those
    /// are in `names`, compactly.
    pub extraction: Extraction,
    pub names: name::Mentions,
    pub places: Places,
}

/// A use of a name whose sentence the report wants: where it is (article index, the
/// mention's bytes) and the row that shows it (rows are numbered in the order the report
/// makes them). 16 bytes: at 100k articles a lean CSV report wants 3.8 million.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct WantedUse {
    pub doc: u32,
    pub start: u32,
    pub end: u32,
    pub row: u32,
}

/// The name uses whose sentences a report wants, sorted by place: an article's uses are
/// together, so each article is read once, and a place several rows show is read once.
/// The report's rows are made first and take their sentences from here as the articles are
/// read (`put`): no list of every sentence is held beside the rows.
#[derive(Debug, Default)]
pub struct WantedUses {
    sorted: Vec<WantedUse>,
}

impl WantedUses {
    pub fn new(mut uses: Vec<WantedUse>) -> Self {
        uses.sort_unstable();
        uses.shrink_to_fit();
        WantedUses { sorted: uses }
    }

    pub fn get(&self, i: usize) -> Option<&WantedUse> {
        self.sorted.get(i)
    }

    /// Each article's uses: (article index, positions of its uses here), in article order.
    pub fn by_article(&self) -> impl Iterator<Item = (usize, std::ops::Range<usize>)> + '_ {
        let mut at = 0;
        std::iter::from_fn(move || {
            let doc = self.sorted.get(at)?.doc;
            let end = at + self.sorted[at..].partition_point(|w| w.doc == doc);
            let range = at..end;
            at = end;
            Some((doc as usize, range))
        })
    }

    /// Is use `i` the first of its place (article and start)? Only those are read: a
    /// place's sentence is the same words whichever row shows it.
    pub fn first_of_place(&self, i: usize) -> bool {
        match (
            i.checked_sub(1).and_then(|p| self.sorted.get(p)),
            self.sorted.get(i),
        ) {
            (Some(p), Some(w)) => (p.doc, p.start) != (w.doc, w.start),
            (None, Some(_)) => true,
            _ => false,
        }
    }

    /// The rows that show the place of use `i`: its own and those of the uses after it at
    /// the same place.
    pub fn rows_at(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        let place = self.sorted.get(i).map(|w| (w.doc, w.start));
        self.sorted
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(move |w| Some((w.doc, w.start)) == place)
            .map(|w| w.row)
    }
}

/// A sentence the report shows (of an observation, or of a name use): held, or set aside
/// in a temporary file of the run until the report is written (the lean CSV run's: only
/// that writer prints it, through [`Sentence::text`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Sentence {
    Held(String),
    SetAside(SetAside),
}

impl Sentence {
    /// The sentence held; empty while it is set aside.
    pub fn as_str(&self) -> &str {
        match self {
            Sentence::Held(s) => s,
            Sentence::SetAside(_) => "",
        }
    }

    /// The sentence, read back from where it was set aside if it was.
    pub fn text(&self) -> std::io::Result<std::borrow::Cow<'_, str>> {
        match self {
            Sentence::Held(s) => Ok(std::borrow::Cow::Borrowed(s)),
            Sentence::SetAside(place) => place.read().map(std::borrow::Cow::Owned),
        }
    }
}

impl From<String> for Sentence {
    fn from(s: String) -> Self {
        Sentence::Held(s)
    }
}

impl From<&str> for Sentence {
    fn from(s: &str) -> Self {
        Sentence::Held(s.to_string())
    }
}

impl serde::Serialize for Sentence {
    /// As the sentence held (JSON is never written from a run that sets sentences aside).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A sentence written to a temporary file (as the run is assembled, for an observation;
/// while the sentences of a run's name uses are read, for a name use), and read back when
/// its row is written: the lean CSV report prints one row per spelling and source, and its
/// sentences, all held at once, weighed more than the rest of the report (at 100k articles,
/// about 800 MB; its evidence sentences, another 115 MB). A place here is 16 bytes, offset and
/// length in one `u64` ([`SetAside::LEN_BITS`] for the length), so that a
/// [`Sentence`] is 24 bytes, as large as the string it stands for.
#[derive(Debug, Clone)]
pub struct SetAside {
    file: std::sync::Arc<SentenceFile>,
    /// The offset, shifted left by [`SetAside::LEN_BITS`], then the length.
    at: u64,
}

/// The file set-aside sentences are in: unnamed, deleted when the last sentence placed in
/// it is dropped.
#[derive(Debug)]
pub struct SentenceFile(std::sync::Mutex<std::fs::File>);

impl PartialEq for SetAside {
    /// The same place in the same file (two runs' files are never the same).
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.file, &other.file) && self.at == other.at
    }
}

impl SetAside {
    /// Bits of a place's length: a sentence of 16 MiB or more is held, not set aside
    /// ([`SentenceWriter::write`]), and the offset has the other 40 bits (1 TiB of
    /// sentences).
    const LEN_BITS: u32 = 24;

    fn offset(&self) -> u64 {
        self.at >> Self::LEN_BITS
    }

    fn len(&self) -> usize {
        (self.at & ((1 << Self::LEN_BITS) - 1)) as usize
    }

    /// The place `len` bytes long, `skip` bytes past this one's start, in the same file.
    fn following(&self, skip: u64, len: usize) -> SetAside {
        SetAside {
            file: self.file.clone(),
            at: (self.offset() + skip) << Self::LEN_BITS | len as u64,
        }
    }

    /// The sentence, read back from its file.
    pub fn read(&self) -> std::io::Result<String> {
        use std::io::{Read, Seek, SeekFrom};
        let mut buf = vec![0; self.len()];
        let mut f = self.file.0.lock().unwrap_or_else(|e| e.into_inner());
        f.seek(SeekFrom::Start(self.offset()))?;
        f.read_exact(&mut buf)?;
        String::from_utf8(buf).map_err(std::io::Error::other)
    }
}

/// The sentences of an article's name mentions, one per mention start (those `compare`
/// carries from map records, which name sentences ride in): held, or set aside one after
/// another in the run's file. Set aside, a sentence costs 8 bytes here (its start and where
/// it ends) rather than a [`Sentence`]'s 24 and a start: at 100k articles the 4.7 million
/// carried weighed 150 MB held to the end of the run.
#[derive(Debug, Clone, PartialEq)]
pub struct NameSentences {
    /// Sorted, one per start.
    starts: Vec<u32>,
    texts: Texts,
}

#[derive(Debug, Clone, PartialEq)]
enum Texts {
    Held(Vec<String>),
    /// From `first` on in the file, sentence `i` ends `ends[i]` bytes on.
    SetAside {
        first: SetAside,
        ends: Vec<u32>,
    },
}

impl NameSentences {
    /// `(start, sentence)` pairs in any order; of two at one start, the first is kept.
    pub fn new(mut by_start: Vec<(u32, String)>) -> Self {
        // Stable: the first at a start stays first.
        by_start.sort_by_key(|(start, _)| *start);
        by_start.dedup_by_key(|(start, _)| *start);
        let (starts, texts): (Vec<u32>, Vec<String>) = by_start.into_iter().unzip();
        NameSentences {
            starts,
            texts: Texts::Held(texts),
        }
    }

    fn index(&self, start: u32) -> Option<usize> {
        self.starts.binary_search(&start).ok()
    }

    /// The sentence of the mention at `start`, held ([`NameSentences::set_aside`] not
    /// called).
    pub fn held(&self, start: u32) -> Option<&str> {
        match &self.texts {
            Texts::Held(texts) => texts.get(self.index(start)?).map(String::as_str),
            Texts::SetAside { .. } => None,
        }
    }

    /// The sentence of the mention at `start`, held or where it was set aside.
    pub fn get(&self, start: u32) -> Option<Sentence> {
        let i = self.index(start)?;
        Some(match &self.texts {
            Texts::Held(texts) => Sentence::Held(texts.get(i)?.clone()),
            Texts::SetAside { first, ends } => {
                let from = i
                    .checked_sub(1)
                    .and_then(|p| ends.get(p))
                    .copied()
                    .unwrap_or(0);
                let to = *ends.get(i)?;
                Sentence::SetAside(first.following(u64::from(from), (to - from) as usize))
            }
        })
    }

    /// Write the held sentences to `file`, one after another, and keep only where they are
    /// (they stay held if their place does not fit: past 4 GiB in all, or past the file's
    /// reach).
    pub fn set_aside(&mut self, file: &mut SentenceWriter) -> std::io::Result<()> {
        let Texts::Held(texts) = &self.texts else {
            return Ok(());
        };
        let mut ends = Vec::with_capacity(texts.len());
        let mut end = 0u64;
        for t in texts {
            end += t.len() as u64;
            match u32::try_from(end) {
                Ok(e) => ends.push(e),
                Err(_) => return Ok(()),
            }
        }
        let joined: String = texts.concat();
        if let Some(first) = file.write(&joined)? {
            self.texts = Texts::SetAside { first, ends };
        }
        Ok(())
    }
}

/// Writes sentences to a new unnamed temporary file, handing out each one's place as it
/// is written (a place is read only once [`SentenceWriter::finish`] has flushed the file):
/// a list of offsets converted to places afterwards was held beside the places, another
/// 32 bytes for each of millions of name uses.
pub struct SentenceWriter {
    file: std::sync::Arc<SentenceFile>,
    buf: Vec<u8>,
    at: u64,
}

impl SentenceWriter {
    /// A new temporary file (in the system's temporary folder).
    pub fn new() -> std::io::Result<Self> {
        Ok(SentenceWriter {
            file: std::sync::Arc::new(SentenceFile(std::sync::Mutex::new(tempfile::tempfile()?))),
            buf: Vec::with_capacity(Self::BUFFER),
            at: 0,
        })
    }

    const BUFFER: usize = 1 << 16;

    /// Write `sentence`; its place in the file, or None (nothing written) for a sentence
    /// whose place does not fit in a [`SetAside`] (16 MiB long, or past 1 TiB of them):
    /// that one is held.
    pub fn write(&mut self, sentence: &str) -> std::io::Result<Option<SetAside>> {
        let (len, offset) = (sentence.len() as u64, self.at);
        if len >> SetAside::LEN_BITS != 0 || offset >> (64 - SetAside::LEN_BITS) != 0 {
            return Ok(None);
        }
        if self.buf.len() + sentence.len() > Self::BUFFER {
            self.flush()?;
        }
        self.buf.extend_from_slice(sentence.as_bytes());
        self.at += len;
        Ok(Some(SetAside {
            file: self.file.clone(),
            at: offset << SetAside::LEN_BITS | len,
        }))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        use std::io::{Seek, SeekFrom, Write};
        let mut f = self.file.0.lock().unwrap_or_else(|e| e.into_inner());
        // Reading a place back moves the file's cursor: write at the end.
        f.seek(SeekFrom::End(0))?;
        f.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    /// Done writing: every place handed out can be read back.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_place_keeps_start_end_and_file_span() {
        let pos = |line, column| Position { line, column };
        let p = QuotePlace::new(pos(3, 7), pos(4, 12), Span::new(120, 181));
        assert_eq!(p.start(), pos(3, 7));
        assert_eq!(p.end(), pos(4, 12));
        assert_eq!(p.file_span(), Span::new(120, 181));
        assert_eq!(std::mem::size_of::<QuotePlace>(), 24);
        // Past u32 (a file over 4 GB), a value is held at the largest u32.
        let big = QuotePlace::new(pos(1, 1), pos(1, 2), Span::new(5, usize::MAX));
        assert_eq!(big.file_span(), Span::new(5, u32::MAX as usize));
    }

    #[test]
    fn name_sentences_are_found_by_start_held_or_set_aside() {
        let mut n = NameSentences::new(vec![
            (40, "Quell spoke last.".to_string()),
            (3, "Mara Quell came first.".to_string()),
            (40, "A second mention at one start is dropped.".to_string()),
            (17, String::new()),
        ]);
        assert_eq!(n.held(3), Some("Mara Quell came first."));
        assert_eq!(n.held(40), Some("Quell spoke last."));
        assert_eq!(n.held(5), None);
        let mut file = SentenceWriter::new().unwrap();
        n.set_aside(&mut file).unwrap();
        file.finish().unwrap();
        // Set aside: no longer held, each read back whole from its own place.
        assert_eq!(n.held(3), None);
        let text = |start| n.get(start).map(|s| s.text().unwrap().into_owned());
        assert!(matches!(n.get(3), Some(Sentence::SetAside(_))));
        assert_eq!(text(3).as_deref(), Some("Mara Quell came first."));
        assert_eq!(text(17).as_deref(), Some(""));
        assert_eq!(text(40).as_deref(), Some("Quell spoke last."));
        assert_eq!(text(41), None);
        // Setting aside again changes nothing.
        let before = n.clone();
        n.set_aside(&mut SentenceWriter::new().unwrap()).unwrap();
        assert_eq!(n, before);
    }

    #[test]
    fn an_observations_sentence_is_set_aside_and_an_empty_one_stays_held() {
        let pos = |line, column| Position { line, column };
        let place = |sentence: &str| EvidencePlace {
            start: pos(1, 5),
            end: pos(1, 9),
            sentence: sentence.into(),
            highlight: Span::new(4, 8),
            raw: "nine".into(),
            file_span: Span::new(4, 8),
        };
        let mut places = Places {
            observations: vec![
                place("The ferry took nine crates."),
                place(""),
                place("Nine more came by road."),
            ],
            ..Places::default()
        };
        let mut file = SentenceWriter::new().expect("temporary file");
        places.set_sentences_aside(&mut file).expect("written");
        file.finish().expect("flushed");
        let [first, empty, last] = &places.observations[..] else {
            panic!("three places");
        };
        assert!(matches!(first.sentence, Sentence::SetAside(_)));
        assert!(matches!(last.sentence, Sentence::SetAside(_)));
        assert_eq!(empty.sentence, Sentence::Held(String::new()));
        // Set aside, a sentence is not held; it reads back whole.
        assert_eq!(first.sentence.as_str(), "");
        assert_eq!(
            first.sentence.text().unwrap(),
            "The ferry took nine crates."
        );
        assert_eq!(last.sentence.text().unwrap(), "Nine more came by road.");
        assert_eq!(first.highlight, Span::new(4, 8));
    }

    #[test]
    fn set_aside_sentences_read_back_and_a_too_long_one_is_left_to_hold() {
        let mut w = SentenceWriter::new().expect("temporary file");
        let first = w.write("Mara Quell spoke first.").expect("write");
        // 16 MiB: its length does not fit a place; nothing is written for it.
        let long = "x".repeat(1 << SetAside::LEN_BITS);
        assert!(w.write(&long).expect("write").is_none());
        let second = w.write("Then Tobin Rask, at length.").expect("write");
        w.finish().expect("flush");
        let (first, second) = (first.expect("placed"), second.expect("placed"));
        assert_eq!(first.read().expect("read"), "Mara Quell spoke first.");
        assert_eq!(second.read().expect("read"), "Then Tobin Rask, at length.");
        assert_eq!(second.offset(), 23);
        // A place is 16 bytes, so a sentence, held or set aside, is a string's 24.
        assert_eq!(std::mem::size_of::<SetAside>(), 16);
        assert_eq!(std::mem::size_of::<Sentence>(), 24);
    }

    #[test]
    fn wanted_uses_go_by_article_and_each_place_is_read_once() {
        let w = |doc, start, row| WantedUse {
            doc,
            start,
            end: start + 5,
            row,
        };
        // Rows 0..4 in the report's order; rows 1 and 3 show one place.
        let wanted = WantedUses::new(vec![w(2, 40, 0), w(0, 7, 1), w(2, 3, 2), w(0, 7, 3)]);
        let articles: Vec<_> = wanted.by_article().collect();
        assert_eq!(articles, vec![(0, 0..2), (2, 2..4)]);
        let firsts: Vec<bool> = (0..5).map(|i| wanted.first_of_place(i)).collect();
        assert_eq!(firsts, vec![true, false, true, true, false]);
        assert_eq!(wanted.rows_at(0).collect::<Vec<_>>(), vec![1, 3]);
        assert_eq!(wanted.rows_at(2).collect::<Vec<_>>(), vec![2]);
        assert_eq!(wanted.get(3).map(|u| (u.doc, u.start)), Some((2, 40)));
        assert_eq!(wanted.rows_at(4).count(), 0);
    }
}
