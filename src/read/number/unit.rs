//! What an amount is counted in: a currency, percent, percentage points, a unit of measure
//! glued to the digits, or nothing (a count). Amounts in different units are not comparable.

use serde::Serialize;

use super::amount::Tok;

/// What an amount is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Unit {
    /// A plain count or size: "2,000 troops".
    Count,
    /// Money, by ISO 4217 code: "$2.5bn" is `USD`.
    Currency(&'static str),
    /// "19.75%", "20 percent", "20 per cent".
    Percent,
    /// A change in percentage points: "0.25 percentage points", "25 basis points",
    /// "a quarter-point".
    Points,
    /// A unit of measure glued to the digits ("512GB", "3,000km"), in its usual spelling.
    Measure(&'static str),
}

impl Unit {
    /// The canonical form of `amount` (already canonical itself) in this unit: `2000`,
    /// `2500000000 USD`, `19.75%`, `0.25 pp`, `512 GB`.
    pub fn write(self, amount: &str) -> String {
        match self {
            Unit::Count => amount.to_string(),
            Unit::Currency(c) | Unit::Measure(c) => format!("{amount} {c}"),
            Unit::Percent => format!("{amount}%"),
            Unit::Points => format!("{amount} pp"),
        }
    }

    /// A unit a rule names in `units = [...]`, when the reader knows it: `%`, `percent`,
    /// `pp`, `percentage points`, a currency sign, code or name (`$`, `USD`, `dollars`),
    /// or a unit of measure (`GB`). Any other word is a word that follows the number.
    pub fn named(name: &str) -> Option<Unit> {
        let n = name.trim().to_ascii_lowercase();
        match n.as_str() {
            "%" | "percent" | "per cent" => Some(Unit::Percent),
            "pp" | "percentage point" | "percentage points" | "points" => Some(Unit::Points),
            _ => sign(&n)
                .or_else(|| code(&n))
                .or_else(|| currency_word(&n))
                .map(|(u, _)| u)
                .or_else(|| measure(&n)),
        }
    }
}

/// Every currency the reader knows, by the ISO code it holds: what a unit written out by
/// code (`extract --format jsonl`) is read back against.
const CURRENCIES: [&str; 14] = [
    "USD", "EUR", "GBP", "JPY", "RUB", "CHF", "CNY", "INR", "BRL", "HKD", "CAD", "AUD", "NZD",
    "SGD",
];

impl Unit {
    /// A unit written out by its variant and code, as the map output does
    /// (`Currency("USD")`, `Measure("GB")`): the reader's own unit, None for a code it does
    /// not know.
    pub fn from_code(currency: bool, name: &str) -> Option<Unit> {
        if currency {
            CURRENCIES
                .iter()
                .find(|c| **c == name)
                .map(|c| Unit::Currency(c))
        } else {
            measure(name)
        }
    }
}

/// A currency or percent sign: `$` is the US dollar; other dollars carry their prefix.
/// The second value is what one of the written amount is worth in the unit.
fn sign(s: &str) -> Option<(Unit, f64)> {
    let c = match s {
        "$" | "us$" => "USD",
        "hk$" => "HKD",
        "r$" => "BRL",
        "c$" => "CAD",
        "a$" => "AUD",
        "nz$" => "NZD",
        "s$" => "SGD",
        "\u{a3}" => "GBP",
        "\u{20ac}" => "EUR",
        "\u{a5}" => "JPY",
        "\u{20bd}" => "RUB",
        "\u{20b9}" => "INR",
        "%" => return Some((Unit::Percent, 1.0)),
        _ => return None,
    };
    Some((Unit::Currency(c), 1.0))
}

/// An ISO code written before or after the amount.
fn code(s: &str) -> Option<(Unit, f64)> {
    const CODES: [&str; 12] = [
        "USD", "EUR", "GBP", "JPY", "RUB", "CHF", "CNY", "INR", "BRL", "HKD", "CAD", "AUD",
    ];
    CODES
        .iter()
        .find(|c| c.eq_ignore_ascii_case(s))
        .map(|c| (Unit::Currency(c), 1.0))
}

/// A currency's name after the amount. "cents" are hundredths of a US dollar and
/// "pounds" are sterling, as in English-language news.
fn currency_word(s: &str) -> Option<(Unit, f64)> {
    let c = match s {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "pound" | "pounds" | "sterling" => "GBP",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "yen" => "JPY",
        "yuan" => "CNY",
        "franc" | "francs" => "CHF",
        "cent" | "cents" => return Some((Unit::Currency("USD"), 0.01)),
        _ => return None,
    };
    Some((Unit::Currency(c), 1.0))
}

/// A unit of measure glued to digits, in its usual spelling.
fn measure(s: &str) -> Option<Unit> {
    const MEASURES: [&str; 28] = [
        "kWh", "TWh", "GWh", "MWh", "GHz", "MHz", "kHz", "kbps", "Mbps", "Gbps", "KB", "MB", "GB",
        "TB", "PB", "km", "cm", "mm", "kg", "mg", "ml", "mph", "kph", "kW", "MW", "GW", "bpd",
        "bcm",
    ];
    MEASURES
        .iter()
        .find(|m| m.eq_ignore_ascii_case(s))
        .map(|m| Unit::Measure(m))
}

/// Takes the unit tokens out of an expression's tokens: signs, codes and names of
/// currencies, percent, points, glued measures. Returns the tokens left, the unit and
/// what one written unit is worth in it (a cent is 0.01 USD, a basis point 0.01 pp); None
/// when two different units are written ("$5 to 10 euros").
///
/// Also None when a unit written after an amount ("%", "km", "euros") is followed by more
/// of the expression and none ends it: in "12% to 4,100" the unit holds for the left end
/// only, so the two ends are two amounts, not a range.
pub(super) fn take_unit(toks: &[Tok]) -> Option<(Vec<Tok>, Unit, f64)> {
    let mut left = Vec::with_capacity(toks.len());
    let mut found: Option<(Unit, f64)> = None;
    // Whether a unit stood after an amount, and whether the last token was a unit.
    let mut post = false;
    let mut ends_on_unit = false;
    let mut i = 0;
    let word = |j: usize| match toks.get(j) {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    };
    while let Some(t) = toks.get(i) {
        let (unit, used) = match t {
            Tok::Sign(s) => (sign(s), 1),
            Tok::Measure(m) => (measure(m).map(|u| (u, 1.0)), 1),
            Tok::Word(w) => {
                let next = word(i + 1);
                let pair = |a: &str| next == Some(a) || next == Some(&format!("{a}s"));
                match w.as_str() {
                    "percent" => (Some((Unit::Percent, 1.0)), 1),
                    "per" if next == Some("cent") => (Some((Unit::Percent, 1.0)), 2),
                    "percentage" if pair("point") => (Some((Unit::Points, 1.0)), 2),
                    "basis" if pair("point") => (Some((Unit::Points, 0.01)), 2),
                    "pounds" | "pound" if next == Some("sterling") => {
                        (Some((Unit::Currency("GBP"), 1.0)), 2)
                    }
                    "swiss" if matches!(next, Some("franc" | "francs")) => {
                        (Some((Unit::Currency("CHF"), 1.0)), 2)
                    }
                    // "15 km", "15-20 km": a unit of measure written apart.
                    w => (
                        code(w)
                            .or_else(|| currency_word(w))
                            .or_else(|| measure(w).map(|u| (u, 1.0))),
                        1,
                    ),
                }
            }
            _ => (None, 1),
        };
        match unit {
            Some(u) => {
                if found.is_some_and(|f| f != u) {
                    return None;
                }
                found = Some(u);
                ends_on_unit = true;
                if !matches!(toks.get(i + used), Some(Tok::Num(..))) {
                    post = true;
                }
                // A dash that glued the unit on ("25-basis points") goes with it.
                if matches!(left.last(), Some(Tok::Dash))
                    && matches!(t, Tok::Word(_))
                    && !matches!(toks.get(i + used), Some(Tok::Num(..)))
                {
                    left.pop();
                }
                i += used;
            }
            None => {
                left.push(t.clone());
                ends_on_unit = false;
                i += 1;
            }
        }
    }
    if post && !ends_on_unit {
        return None;
    }
    let (unit, per) = found.unwrap_or((Unit::Count, 1.0));
    Some((left, unit, per))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_currency_and_measure_read_is_one_from_code_gives_back() {
        let signs = [
            "$", "us$", "hk$", "r$", "c$", "a$", "nz$", "s$", "\u{a3}", "\u{20ac}", "\u{a5}",
            "\u{20bd}", "\u{20b9}",
        ];
        let words = [
            "dollars", "euros", "pounds", "roubles", "yen", "yuan", "francs", "cents",
        ];
        let codes = [
            "usd", "eur", "gbp", "jpy", "rub", "chf", "cny", "inr", "brl", "hkd", "cad", "aud",
        ];
        let read = signs
            .iter()
            .filter_map(|s| sign(s))
            .chain(words.iter().filter_map(|w| currency_word(w)))
            .chain(codes.iter().filter_map(|c| code(c)));
        for (unit, _) in read {
            if let Unit::Currency(c) = unit {
                assert_eq!(Unit::from_code(true, c), Some(unit), "{c}");
            }
        }
        for m in ["kwh", "GB", "km", "bcm"] {
            let unit = measure(m).unwrap();
            let Unit::Measure(name) = unit else {
                panic!("{m} is a measure")
            };
            assert_eq!(Unit::from_code(false, name), Some(unit));
        }
        assert_eq!(Unit::from_code(true, "XYZ"), None);
    }
}
