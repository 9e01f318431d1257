//! One number expression's words and digits read into a value: a definite amount ("two
//! thousand and five", "2.5m", "half a million"), a vague amount ("tens of thousands",
//! "several hundred", the intervals of the table in the module above) or an explicit range
//! ("between 2,000 and 3,000", "2-3 million").

use super::pattern::TOKEN_RE;

/// A decimal kept as an integral numerator over a power of ten, so that "1.2 billion"
/// comes out as exactly 1200000000 rather than 1199999999.9999998.
#[derive(Debug, Clone, Copy)]
struct Dec {
    num: f64,
    den: f64,
}

impl Dec {
    const ZERO: Dec = Dec { num: 0.0, den: 1.0 };
    const ONE: Dec = Dec { num: 1.0, den: 1.0 };
    const HALF: Dec = Dec {
        num: 5.0,
        den: 10.0,
    };
    const QUARTER: Dec = Dec {
        num: 25.0,
        den: 100.0,
    };

    fn int(n: f64) -> Dec {
        Dec { num: n, den: 1.0 }
    }

    fn mul(self, k: f64) -> Dec {
        Dec {
            num: self.num * k,
            den: self.den,
        }
    }

    fn add(self, o: Dec) -> Dec {
        let den = self.den.max(o.den);
        Dec {
            num: self.num * (den / self.den) + o.num * (den / o.den),
            den,
        }
    }

    fn value(self) -> f64 {
        self.num / self.den
    }

    /// Reads "2,000", "2 000", "2.5", ".3" (already known to be digits and separators).
    /// None when it has more than [`MAX_DIGITS`] significant digits: a double could not keep
    /// it exactly.
    fn parse(s: &str) -> Option<Dec> {
        let mut num = 0.0_f64;
        let mut den = 1.0_f64;
        let mut after_point = false;
        let mut any = false;
        let mut significant = 0;
        for c in s.chars() {
            if let Some(d) = c.to_digit(10) {
                if d != 0 || significant > 0 {
                    significant += 1;
                }
                num = num * 10.0 + f64::from(d);
                if after_point {
                    den *= 10.0;
                }
                any = true;
            } else if c == '.' {
                after_point = true;
            }
        }
        (any && significant <= MAX_DIGITS).then_some(Dec { num, den })
    }
}

/// The most significant digits a number may have to be read: a double holds any decimal of
/// 15 significant digits exactly enough to write it back as it was written. A longer one
/// ("9007199254740993", 16 digits) is not read, and extraction reports it
/// ([`super::unreadable`]).
pub const MAX_DIGITS: usize = 15;

/// The value of a power of ten written after digits: "e-5", "×10⁻⁵", "x 10^-5".
fn exponent(s: &str) -> Option<i32> {
    let tail = match s.find("10") {
        // "e-5": the exponent follows the "e".
        _ if s.starts_with(['e', 'E']) => s.get(1..)?,
        Some(i) => s.get(i + 2..)?.trim_start_matches('^'),
        None => return None,
    };
    let mut negative = false;
    let mut value = 0_i32;
    for c in tail.chars() {
        match c {
            '-' | '\u{2212}' | '\u{207B}' => negative = true,
            '+' => {}
            c => {
                let d = c.to_digit(10).or_else(|| superscript(c))?;
                value = value * 10 + i32::try_from(d).ok()?;
            }
        }
    }
    Some(if negative { -value } else { value })
}

/// A superscript digit's value: "⁵" is 5.
fn superscript(c: char) -> Option<u32> {
    match c {
        '\u{2070}' => Some(0),
        '\u{B9}' => Some(1),
        '\u{B2}' => Some(2),
        '\u{B3}' => Some(3),
        '\u{2074}'..='\u{2079}' => Some(u32::from(c) - 0x2070),
        _ => None,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    /// Digits as numerator and power-of-ten denominator, with the multiplier of a glued
    /// suffix ("k" = 1000).
    Num(f64, f64, Option<f64>),
    Word(String),
    Dash,
    /// A currency or percent sign: "$", "HK$", "€", "%".
    Sign(String),
    /// A unit of measure glued to the digits before it: "GB" in "512GB".
    Measure(String),
}

/// The tokens of a number expression; None when a numeral in it cannot be read exactly (more
/// than [`MAX_DIGITS`] significant digits).
pub(super) fn tokenize(text: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    for c in TOKEN_RE.captures_iter(text) {
        if let Some(f) = c.name("frac") {
            // "1/4": numerator over denominator (not a power of ten: read alone only).
            // Halves, thirds, quarters, eighths and sixteenths, proper, rounded to four
            // decimals: "9/11" and "24/7" are no fractions.
            let (n, d) = f.as_str().split_once('/')?;
            let (n, d) = (n.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
            if !matches!(d, 2 | 3 | 4 | 8 | 16) || n == 0 || n >= d {
                return None;
            }
            let v = (f64::from(n) / f64::from(d) * 1e4).round();
            out.push(Tok::Num(v, 1e4, None));
        } else if let Some(n) = c.name("num") {
            let d = Dec::parse(n.as_str())?;
            let suf = c.name("suf").and_then(|s| suffix_scale(s.as_str()));
            let d = match c.name("exp") {
                Some(e) => {
                    // One rounding at most: 6.02e23 is 602 × 10^21, not 602 × 10^23 / 100.
                    let e = exponent(e.as_str())?;
                    let k = i32::try_from(d.den.log10().round() as i64).ok()?;
                    let shift = e - k;
                    if shift >= 0 {
                        Dec::int(d.num * 10f64.powi(shift))
                    } else {
                        Dec {
                            num: d.num,
                            den: 10f64.powi(-shift),
                        }
                    }
                }
                None => d,
            };
            out.push(Tok::Num(d.num, d.den, suf));
            if let Some(m) = c.name("measure") {
                out.push(Tok::Measure(m.as_str().to_string()));
            }
        } else if let Some(w) = c.name("word") {
            out.push(Tok::Word(w.as_str().to_ascii_lowercase()));
        } else if let Some(s) = c.name("sign") {
            out.push(Tok::Sign(s.as_str().to_ascii_lowercase()));
        } else if c.name("dash").is_some() {
            out.push(Tok::Dash);
        }
    }
    Some(out)
}

fn suffix_scale(s: &str) -> Option<f64> {
    match s.to_ascii_lowercase().as_str() {
        "k" => Some(1e3),
        "m" | "mn" => Some(1e6),
        "bn" | "b" => Some(1e9),
        "tn" => Some(1e12),
        _ => None,
    }
}

fn big_scale(w: &str) -> Option<f64> {
    match w {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        // Written apart from the digits: "2.5 mn", "3 bn".
        "mn" => Some(1e6),
        "bn" => Some(1e9),
        "tn" => Some(1e12),
        _ => None,
    }
}

fn small_word(w: &str) -> Option<f64> {
    const UNITS: [&str; 19] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = UNITS.iter().position(|x| *x == w) {
        return Some((i + 1) as f64);
    }
    TENS.iter()
        .position(|x| *x == w)
        .map(|i| ((i + 2) * 10) as f64)
}

fn word(t: Option<&Tok>) -> Option<&str> {
    match t {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

/// A definite amount read from tokens.
#[derive(Debug, Clone, Copy)]
pub(super) struct Amount {
    pub(super) value: f64,
    /// Whether any scale word or suffix occurred.
    scaled: bool,
    /// The multiplier of the final token, when that token is a scale.
    final_scale: Option<f64>,
}

impl Amount {
    fn negated(self) -> Amount {
        Amount {
            value: -self.value,
            ..self
        }
    }
}

/// Reads a definite amount that must use up all of `toks`.
pub(super) fn amount(toks: &[Tok]) -> Option<Amount> {
    // A minus sign before digits ("-3", "−3") or the word before any amount ("minus forty").
    match toks {
        [Tok::Dash, rest @ ..] if matches!(rest.first(), Some(Tok::Num(..))) => {
            return amount(rest).map(Amount::negated);
        }
        [Tok::Word(w), rest @ ..] if w == "minus" && !rest.is_empty() => {
            return amount(rest).map(Amount::negated);
        }
        _ => {}
    }
    if toks.is_empty() {
        return None;
    }
    let mut total = Dec::ZERO;
    let mut cur: Option<Dec> = None;
    let mut scaled = false;
    let mut final_scale = None;
    let mut i = 0;
    while let Some(tok) = toks.get(i) {
        final_scale = None;
        match tok {
            Tok::Num(num, den, suf) => {
                if cur.is_some() {
                    return None;
                }
                let d = Dec {
                    num: *num,
                    den: *den,
                };
                match suf {
                    Some(s) => {
                        total = total.add(d.mul(*s));
                        scaled = true;
                        final_scale = Some(*s);
                    }
                    None => cur = Some(d),
                }
            }
            // Only between the parts of "twenty-five"; ranges were split off before.
            Tok::Dash => {
                cur?;
            }
            Tok::Sign(_) | Tok::Measure(_) => return None,
            Tok::Word(w) => match w.as_str() {
                "a" | "an" => {
                    if cur.is_some() {
                        return None;
                    }
                    match word(toks.get(i + 1)) {
                        Some("quarter") => {}
                        Some(n) if n == "hundred" || n == "dozen" || big_scale(n).is_some() => {
                            cur = Some(Dec::ONE);
                        }
                        _ => return None,
                    }
                }
                "half" => {
                    if cur.is_some() || !matches!(word(toks.get(i + 1)), Some("a" | "an")) {
                        return None;
                    }
                    cur = Some(Dec::HALF);
                    i += 1;
                }
                "quarter" => {
                    if cur.is_some()
                        || word(toks.get(i + 1)) != Some("of")
                        || !matches!(word(toks.get(i + 2)), Some("a" | "an"))
                    {
                        return None;
                    }
                    cur = Some(Dec::QUARTER);
                    i += 2;
                }
                "and" => {
                    if word(toks.get(i + 1)) == Some("a") && word(toks.get(i + 2)) == Some("half") {
                        cur = Some(cur?.add(Dec::HALF));
                        i += 2;
                    }
                }
                "hundred" => {
                    cur = Some(cur.unwrap_or(Dec::ONE).mul(100.0));
                    scaled = true;
                    final_scale = Some(100.0);
                }
                "dozen" => {
                    cur = Some(cur.unwrap_or(Dec::ONE).mul(12.0));
                    scaled = true;
                    final_scale = Some(12.0);
                }
                w => {
                    if let Some(s) = big_scale(w) {
                        total = total.add(cur.take().unwrap_or(Dec::ONE).mul(s));
                        scaled = true;
                        final_scale = Some(s);
                    } else if let Some(v) = small_word(w) {
                        cur = Some(cur.unwrap_or(Dec::ZERO).add(Dec::int(v)));
                    } else {
                        return None;
                    }
                }
            },
        }
        i += 1;
    }
    Some(Amount {
        value: total.add(cur.unwrap_or(Dec::ZERO)).value(),
        scaled,
        final_scale,
    })
}

/// Reads a vague amount ("tens of thousands", "several hundred") that uses up all of
/// `toks`, as the interval in the module doc table.
pub(super) fn vague(toks: &[Tok]) -> Option<(f64, f64)> {
    let words: Vec<&str> = toks.iter().map(|t| word(Some(t))).collect::<Option<_>>()?;
    let plural = |w: &str| match w {
        "hundreds" => Some(100.0),
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    };
    let unit = |w: &str| match w {
        "dozen" => Some(12.0),
        "hundred" => Some(100.0),
        w => big_scale(w),
    };
    match words.as_slice() {
        ["dozens"] => Some((24.0, 99.0)),
        // More than one, fewer than ten.
        ["a", "handful"] => Some((2.0, 9.0)),
        // Two score and more, short of a hundred.
        ["scores"] => Some((40.0, 99.0)),
        [t @ ("tens" | "hundreds"), "of", s] => {
            let n = if *t == "tens" { 10.0 } else { 100.0 } * plural(s)?;
            Some((n, n * 10.0 - 1.0))
        }
        [p] => plural(p).map(|n| (2.0 * n, 10.0 * n - 1.0)),
        ["several", rest @ ..] => scales(rest, unit).map(|n| (3.0 * n, 10.0 * n - 1.0)),
        ["a", "few", rest @ ..] => scales(rest, unit).map(|n| (2.0 * n, 6.0 * n - 1.0)),
        _ => None,
    }
}

/// The product of one or two scale words ("hundred thousand" = 100000).
fn scales(words: &[&str], unit: impl Fn(&str) -> Option<f64>) -> Option<f64> {
    match words {
        [a] => unit(a),
        [a, b] => Some(unit(a)? * big_scale(b)?),
        _ => None,
    }
}

/// Reads an explicit range, splitting at the last connector where both sides read as
/// amounts (the regex prefers the longest left side too).
pub(super) fn range(toks: &[Tok]) -> Option<(f64, f64)> {
    let (body, between) = match toks.split_first() {
        Some((Tok::Word(w), rest)) if w == "between" => (rest, true),
        _ => (toks, false),
    };
    let is_conn = |t: &Tok| match t {
        Tok::Word(w) if between => w == "and",
        Tok::Word(w) => w == "to" || w == "or",
        Tok::Dash => !between,
        Tok::Num(..) | Tok::Sign(_) | Tok::Measure(_) => false,
    };
    (1..body.len()).rev().find_map(|i| {
        if !is_conn(body.get(i)?) {
            return None;
        }
        let left = amount(body.get(..i)?)?;
        let right = amount(body.get(i + 1..)?)?;
        let mut lo = left.value;
        if let Some(s) = right.final_scale
            && !left.scaled
            && lo * s <= right.value
        {
            lo *= s;
        }
        let hi = right.value;
        Some(if lo <= hi { (lo, hi) } else { (hi, lo) })
    })
}

/// Reads a fraction in words ("a third", "two-thirds", "three quarters", "one in five") that
/// uses up all of `toks`, as a share in percent rounded to two decimals (two-thirds is 66.67).
pub(super) fn fraction(toks: &[Tok]) -> Option<f64> {
    if let [Tok::Word(one), Tok::Word(inw), Tok::Num(n, d, None)] = toks
        && one == "one"
        && inw == "in"
        && *n >= *d
    {
        return Some((d / n * 10000.0).round() / 100.0);
    }
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| !matches!(t, Tok::Dash))
        .map(|t| word(Some(t)))
        .collect::<Option<_>>()?;
    let (num, den) = match words.as_slice() {
        ["one", "in", n] => (1.0, small_word(n)?),
        [n, d] => {
            let num = match *n {
                "a" | "an" => 1.0,
                n => small_word(n)?,
            };
            let den = match d.trim_end_matches('s') {
                "third" => 3.0,
                "quarter" => 4.0,
                "fifth" => 5.0,
                "sixth" => 6.0,
                "seventh" => 7.0,
                "eighth" => 8.0,
                "ninth" => 9.0,
                "tenth" => 10.0,
                _ => return None,
            };
            // "two third" is no fraction; "a thirds" neither.
            if (num == 1.0) == d.ends_with('s') {
                return None;
            }
            (num, den)
        }
        _ => return None,
    };
    (num <= den).then(|| (num / den * 10000.0).round() / 100.0)
}
