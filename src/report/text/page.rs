//! The page the text report is laid out on: styles and colour codes, widths as shown,
//! cutting and padding, greedy word wrap under an indent, and the fitting of table columns
//! to a width. The writers in the parent module say what goes on the page; this says how
//! it fits.

use std::io::{self, Write};

use super::TextOptions;

/// Narrowest a wrapped line's text may get, however deep its indent.
pub(super) const MIN_TEXT: usize = 20;

/// A colour (or weight) for a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    Red,
    Green,
    Yellow,
    Magenta,
    Bold,
    Dim,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Red => "\x1b[31m",
            Style::Green => "\x1b[32m",
            Style::Yellow => "\x1b[33m",
            Style::Magenta => "\x1b[35m",
            Style::Bold => "\x1b[1m",
            Style::Dim => "\x1b[2m",
        }
    }
}

const RESET: &str = "\x1b[0m";

/// The page a writer writes to: options plus the sink.
pub(super) struct Page<'a> {
    pub(super) out: &'a mut dyn Write,
    pub(super) opts: TextOptions,
}

impl Page<'_> {
    pub(super) fn paint(&self, s: &str, style: Option<Style>) -> String {
        match style {
            Some(st) if self.opts.color && !s.is_empty() => format!("{}{s}{RESET}", st.code()),
            _ => s.to_string(),
        }
    }

    /// Write `first` then `text`, wrapped to the width with continuation lines indented by
    /// `indent` spaces. `marks` colour byte ranges of `text`.
    pub(super) fn para(
        &mut self,
        first: &str,
        indent: usize,
        text: &str,
        marks: &[(usize, usize, Style)],
    ) -> io::Result<()> {
        let lines = match self.opts.width {
            Some(w) => wrap(
                text,
                w.saturating_sub(visible_width(first)).max(MIN_TEXT),
                w.saturating_sub(indent).max(MIN_TEXT),
            ),
            None => vec![(0, text.len())],
        };
        for (n, (a, b)) in lines.iter().enumerate() {
            let lead = if n == 0 {
                first.to_string()
            } else {
                " ".repeat(indent)
            };
            let body = self.painted_range(text, *a, *b, marks);
            writeln!(self.out, "{}", format!("{lead}{body}").trim_end())?;
        }
        Ok(())
    }

    /// `text[a..b]` with the parts inside `marks` coloured.
    fn painted_range(
        &self,
        text: &str,
        a: usize,
        b: usize,
        marks: &[(usize, usize, Style)],
    ) -> String {
        if !self.opts.color || marks.is_empty() {
            return text.get(a..b).unwrap_or("").to_string();
        }
        let mut cuts: Vec<usize> = vec![a, b];
        for (s, e, _) in marks {
            cuts.extend([(*s).clamp(a, b), (*e).clamp(a, b)]);
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut s = String::new();
        for w in cuts.windows(2) {
            let piece = text.get(w[0]..w[1]).unwrap_or("");
            let style = marks
                .iter()
                .find(|(ms, me, _)| *ms <= w[0] && w[1] <= *me)
                .map(|m| m.2);
            s.push_str(&self.paint(piece, style));
        }
        s
    }
}

/// Greedy word wrap: byte ranges of the lines of `text`, the first at most `first` columns
/// wide, the others at most `rest`. A word longer than a line is cut between characters.
fn wrap(text: &str, first: usize, rest: usize) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut limit = first.max(1);
    let bytes_at = |from: usize, cols: usize| -> usize {
        text[from..]
            .char_indices()
            .nth(cols)
            .map_or(text.len(), |(i, _)| from + i)
    };
    while start < text.len() {
        let rest_text = &text[start..];
        if width(rest_text) <= limit {
            lines.push((start, text.len()));
            break;
        }
        let hard = bytes_at(start, limit);
        // The last space at or before the limit (a space right at the limit still breaks).
        let window = &text[start..bytes_at(start, limit + 1).min(text.len())];
        match window.rfind(' ').filter(|&i| i > 0) {
            Some(i) => {
                lines.push((start, start + i));
                start += i + 1;
            }
            None => {
                lines.push((start, hard));
                start = hard;
            }
        }
        while text[start..].starts_with(' ') {
            start += 1;
        }
        limit = rest.max(1);
    }
    if lines.is_empty() {
        lines.push((0, 0));
    }
    lines
}

pub(super) fn width(s: &str) -> usize {
    s.chars().count()
}

pub(super) fn cut(s: &str, max: usize) -> String {
    if width(s) <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

pub(super) fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// Width of a string as shown: ANSI escape sequences take no room.
pub(super) fn visible_width(s: &str) -> usize {
    let mut n = 0;
    let mut in_escape = false;
    for c in s.chars() {
        if in_escape {
            in_escape = c != 'm';
        } else if c == '\x1b' {
            in_escape = true;
        } else {
            n += 1;
        }
    }
    n
}

/// Trailing spaces off a line, also when they sit just before a final colour reset.
pub(super) fn strip_trailing(line: &str) -> String {
    match line.strip_suffix(RESET) {
        Some(body) if body.ends_with(' ') => {
            let trimmed = body.trim_end();
            // A painted empty cell would leave a bare escape: keep the reset only if paint
            // remains.
            format!("{trimmed}{RESET}")
        }
        _ => line.trim_end().to_string(),
    }
}

/// Column widths that sum to at most `room`, cutting the widest first; `None` when even
/// `min` per column does not fit.
pub(super) fn water_fill(natural: &[usize], room: usize, min: usize) -> Option<Vec<usize>> {
    let floor: usize = natural.iter().map(|w| (*w).min(min)).sum();
    if floor > room {
        return None;
    }
    let mut cap = natural.iter().copied().max().unwrap_or(0);
    while cap > min && natural.iter().map(|w| (*w).min(cap)).sum::<usize>() > room {
        cap -= 1;
    }
    Some(natural.iter().map(|w| (*w).min(cap)).collect())
}
