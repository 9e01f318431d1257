//! What kind of value a fact has, and the options only that kind reads.
//!
//! A [`FactKind`] carries its own options (a quantity's tolerance, a date's numeric order,
//! a term's wording classes), so nothing else holds them side by side and a stage that is
//! not about one kind never sees its options. The bare [`Kind`] is the tag that reports,
//! baselines and messages write (`"quantity"`), and says what stages ask of every kind: the
//! placeholder its patterns carry, whether sources are compared by value or by wording, and
//! which rule-file keys it reads. Everything a rule file says about a kind's options is
//! read here too ([`options`], [`default_pattern`]): adding a kind is a variant of each
//! enum, its options read here, and its value (in `extract::value`).

use serde::Serialize;
use toml::Spanned;

use super::{Locator, Placeholder, RuleError, pattern, raw::RawFact};
use crate::read::date::NumericOrder;
use crate::read::number::Unit;
use crate::read::term;

/// What kind of value a fact has: the name reports and baselines write.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Quantity,
    Date,
    Term,
}

impl Kind {
    pub const ALL: &'static [(&'static str, Kind)] = &[
        ("quantity", Kind::Quantity),
        ("date", Kind::Date),
        ("term", Kind::Term),
    ];

    /// The `[[fact]]` keys that only some kinds read, with the kinds that read them, in the
    /// order `lint` names them when a fact sets one its kind ignores.
    pub const OWN_KEYS: &'static [(&'static str, &'static [Kind])] = &[
        ("tolerance", &[Kind::Quantity]),
        ("approx_margin", &[Kind::Quantity]),
        ("units", &[Kind::Quantity]),
        ("numeric_order", &[Kind::Date]),
        ("precision", &[Kind::Date]),
        ("within", &[Kind::Date]),
        ("patterns", &[Kind::Quantity, Kind::Date]),
        ("classes", &[Kind::Term]),
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Quantity => "quantity",
            Kind::Date => "date",
            Kind::Term => "term",
        }
    }

    /// The placeholder a pattern of this kind must carry, if any.
    pub fn placeholder(self) -> Option<Placeholder> {
        match self {
            Kind::Quantity => Some(Placeholder::Number),
            Kind::Date => Some(Placeholder::Date),
            Kind::Term => None,
        }
    }

    /// Are sources compared by the wording they use (terms: a different word is framing,
    /// not a conflict) rather than by the values they give (amounts and days, which can
    /// contradict each other)?
    pub fn is_wording(self) -> bool {
        self == Kind::Term
    }

    /// Does a fact of this kind read `key`? Keys not in [`Kind::OWN_KEYS`] are read by
    /// every kind.
    pub fn reads(self, key: &str) -> bool {
        Kind::OWN_KEYS
            .iter()
            .find(|(k, _)| *k == key)
            .is_none_or(|(_, kinds)| kinds.contains(&self))
    }

    /// Whether values inside parentheses count when the rule does not say: not for dates,
    /// whose parentheses in news are mostly source citations ("(Kommersant, January 13,
    /// 2022)"); yes for the others.
    pub fn counts_parentheses(self) -> bool {
        self != Kind::Date
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A fact's kind with its own options.
#[derive(Debug, Clone)]
pub enum FactKind {
    /// Amounts ("about 2,000 troops"), compared as intervals.
    Quantity {
        /// How far two amounts may differ and still agree (`tolerance`).
        tolerance: Tolerance,
        /// How far an approximate amount ("about 2,000") is widened first (`approx_margin`).
        margin: Tolerance,
        /// The units the reader knows that the fact counts in (`units = ["%"]`); empty
        /// for any.
        units: Vec<Unit>,
    },
    /// Days, weeks, months and years, compared as spans of days.
    Date {
        /// How a numeric date such as 10/01/2022 is read (`numeric_order`).
        order: Option<NumericOrder>,
        /// Which values count (`precision`).
        precision: Precision,
        /// The first and last day a value may fall on (`within`).
        within: Option<(jiff::civil::Date, jiff::civil::Date)>,
    },
    /// The words used for an act, compared as the set of classes each source uses.
    Term {
        /// The classes of wording, in name order.
        classes: Vec<TermClass>,
    },
}

impl FactKind {
    /// The kind's tag.
    pub fn tag(&self) -> Kind {
        match self {
            FactKind::Quantity { .. } => Kind::Quantity,
            FactKind::Date { .. } => Kind::Date,
            FactKind::Term { .. } => Kind::Term,
        }
    }
}

/// How far two amounts may differ and still agree.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Tolerance {
    /// A fraction of the value: `"10%"` is 0.10.
    Relative(f64),
    Absolute(f64),
}

impl Tolerance {
    /// Widen a closed interval by this tolerance.
    pub fn widen(self, lo: f64, hi: f64) -> (f64, f64) {
        match self {
            Tolerance::Relative(r) => (lo - lo.abs() * r, hi + hi.abs() * r),
            Tolerance::Absolute(a) => (lo - a, hi + a),
        }
    }
}

/// Which dates a date fact keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Precision {
    /// Any span: a day, a week, a month, a year (`"any"`, the default).
    #[default]
    Any,
    /// Only values that name a day, dropping "this week", "last month" (`"day"`).
    Day,
}

/// A class of wording for a `term` fact ("invasion": invade, invasion, incursion).
#[derive(Debug, Clone)]
pub struct TermClass {
    pub name: String,
    pub terms: Vec<String>,
    /// Every term of the class, inflections included, as one whole-word regex.
    pub regex: regex::Regex,
}

/// The pattern a fact of `kind` runs when it writes none: a number before one of its
/// `units` for a quantity (which must then have units), any date for a date; None for a
/// term, which reads its classes instead.
pub(super) fn default_pattern(
    loc: &Locator,
    kind: Kind,
    f: &RawFact,
) -> Result<Option<String>, RuleError> {
    match kind {
        Kind::Quantity => {
            if f.units.is_empty() {
                return Err(loc.error(
                    f.id.span(),
                    format!(
                        "quantity fact `{}` has neither patterns nor units",
                        f.id.get_ref().trim()
                    ),
                    Some(
                        "add units = [\"troops\", \"soldiers\"] or patterns = ['{number} troops']"
                            .into(),
                    ),
                ));
            }
            if !reader_units(f).is_empty() && words_after(f).is_empty() {
                return Ok(Some("{number}".into()));
            }
            let units: Vec<String> = words_after(f)
                .iter()
                .map(|u| regex::escape(u.trim()))
                .collect();
            Ok(Some(format!(
                r"{{number}} (?:[\w-]+ ){{0,2}}?(?:of )?(?:{})\b",
                units.join("|")
            )))
        }
        Kind::Date => Ok(Some("{date}".into())),
        Kind::Term => Ok(None),
    }
}

/// The `units` the number reader knows (`%`, `USD`, `$`, `pp`…), which a value must be in.
fn reader_units(f: &RawFact) -> Vec<Unit> {
    let mut u: Vec<Unit> = f.units.iter().filter_map(|u| Unit::named(u)).collect();
    u.sort();
    u.dedup();
    u
}

/// The other `units`: words that must follow the number ("troops").
fn words_after(f: &RawFact) -> Vec<&String> {
    f.units
        .iter()
        .filter(|u| Unit::named(u).is_none())
        .collect()
}

/// The kind's options as the fact writes them. A term's classes are read (and must be
/// there) only for a term; every other option is checked whatever the kind, so a key with
/// a bad value is an error even where the kind ignores it (`lint` warns that it does), and
/// kept only by the kind that reads it.
pub(super) fn options(loc: &Locator, kind: Kind, f: &RawFact) -> Result<FactKind, RuleError> {
    let classes = match kind {
        Kind::Term => term_classes(loc, f)?,
        _ => Vec::new(),
    };
    let tolerance = read_tolerance(loc, f.tolerance.as_ref(), Tolerance::Absolute(0.0))?;
    let margin = read_tolerance(loc, f.approx_margin.as_ref(), Tolerance::Relative(0.10))?;
    let order = match &f.numeric_order {
        None => None,
        Some(o) => Some(match o.get_ref().as_str() {
            "day-month" => NumericOrder::DayMonth,
            "month-day" => NumericOrder::MonthDay,
            other => {
                return Err(loc.error(
                    o.span(),
                    format!("unknown numeric_order `{other}`"),
                    Some("write \"day-month\" (10/01/2022 is 10 January) or \"month-day\"".into()),
                ));
            }
        }),
    };
    let precision = match &f.precision {
        None => Precision::Any,
        Some(p) if p.get_ref() == "day" => Precision::Day,
        Some(p) if p.get_ref() == "any" => Precision::Any,
        Some(p) => {
            return Err(loc.error(
                p.span(),
                format!("unknown precision `{}`", p.get_ref()),
                Some("write \"day\" or \"any\"".into()),
            ));
        }
    };
    let within = match &f.within {
        None => None,
        Some(w) => {
            let bad = || {
                loc.error(
                    w.span(),
                    "within must be two dates, first and last day: [\"2022-01-01\", \"2022-01-31\"]"
                        .into(),
                    None,
                )
            };
            let days: Vec<jiff::civil::Date> = w
                .get_ref()
                .iter()
                .map(|d| d.parse::<jiff::civil::Date>())
                .collect::<Result<_, _>>()
                .map_err(|_| bad())?;
            match days.as_slice() {
                [a, b] if a <= b => Some((*a, *b)),
                [a, b] => {
                    return Err(loc.error(
                        w.span(),
                        format!("within ends ({b}) before it starts ({a})"),
                        Some(format!("write [\"{b}\", \"{a}\"]: first day, then last")),
                    ));
                }
                _ => return Err(bad()),
            }
        }
    };
    Ok(match kind {
        Kind::Quantity => FactKind::Quantity {
            tolerance,
            margin,
            units: reader_units(f),
        },
        Kind::Date => FactKind::Date {
            order,
            precision,
            within,
        },
        Kind::Term => FactKind::Term { classes },
    })
}

/// A term fact's `[fact.classes]`: at least one, each with words, each compiling.
fn term_classes(loc: &Locator, f: &RawFact) -> Result<Vec<TermClass>, RuleError> {
    if f.classes.is_empty() {
        return Err(loc.error(
            f.id.span(),
            format!("term fact `{}` has no classes", f.id.get_ref().trim()),
            Some("add [fact.classes] with e.g. invasion = [\"invade\", \"invasion\"]".into()),
        ));
    }
    let mut classes = Vec::new();
    for (name, terms) in &f.classes {
        if terms.get_ref().iter().all(|t| t.trim().is_empty()) {
            return Err(loc.error(terms.span(), format!("class `{name}` has no words"), None));
        }
        let list: Vec<String> = terms
            .get_ref()
            .iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        let regex = regex::RegexBuilder::new(&term::class_pattern(&list))
            .size_limit(pattern::SIZE_LIMIT)
            .build()
            .map_err(|e| {
                loc.error(
                    terms.span(),
                    format!("class `{name}` does not compile: {e}"),
                    None,
                )
            })?;
        classes.push(TermClass {
            name: name.clone(),
            terms: list,
            regex,
        });
    }
    Ok(classes)
}

/// `tolerance` or `approx_margin`: `"10%"` or a non-negative number; `default` when absent.
fn read_tolerance(
    loc: &Locator,
    value: Option<&Spanned<toml::Value>>,
    default: Tolerance,
) -> Result<Tolerance, RuleError> {
    let Some(v) = value else { return Ok(default) };
    let bad = || {
        loc.error(
            v.span(),
            "tolerance must be a percentage such as \"10%\" or a non-negative number".into(),
            None,
        )
    };
    match v.get_ref() {
        toml::Value::String(s) => {
            let pct = s.trim().strip_suffix('%').ok_or_else(bad)?;
            let n: f64 = pct.trim().parse().map_err(|_| bad())?;
            if !(0.0..=1000.0).contains(&n) {
                return Err(bad());
            }
            Ok(Tolerance::Relative(n / 100.0))
        }
        toml::Value::Integer(n) if *n >= 0 => Ok(Tolerance::Absolute(*n as f64)),
        toml::Value::Float(n) if *n >= 0.0 && n.is_finite() => Ok(Tolerance::Absolute(*n)),
        _ => Err(bad()),
    }
}
