//! GitHub Actions workflow commands: one `::warning` (or `::notice`) line per observation
//! involved in a finding, so that a pull request shows each conflict on the article's own
//! line. The lines follow GitHub's escaping: in the message `%`, `\r` and `\n`; in the
//! properties also `:` and `,`.

use std::io::{self, Write};

use super::findings::{BaselineState, Flag, Level};
use crate::text::visible;

/// Escape a message (the text after `::`); other control and bidi characters are shown
/// as `\u{…}` ([`crate::text::visible`]), since a log shows them to a person.
pub fn escape_data(s: &str) -> String {
    let shown = visible::escape_if(s, |c| c != '\r' && c != '\n' && visible::is_hazard(c));
    shown
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value (`file=…`, `title=…`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One line per flagged observation; flags a baseline already accepts are left out. Two
/// findings on the same words make one line: what the words say, then each thing they are
/// at odds with.
pub fn write(flags: &[Flag], out: &mut dyn Write) -> io::Result<()> {
    let shown: Vec<&Flag> = flags
        .iter()
        .filter(|f| f.baseline != Some(BaselineState::Unchanged))
        .collect();
    let mut i = 0;
    while i < shown.len() {
        let f = shown[i];
        let mut details = vec![f.detail.as_str()];
        let mut j = i + 1;
        while j < shown.len()
            && shown[j].place == f.place
            && shown[j].rule == f.rule
            && shown[j].kind == f.kind
        {
            if !details.contains(&shown[j].detail.as_str()) {
                details.push(&shown[j].detail);
            }
            j += 1;
        }
        let command = match f.level {
            Level::Warning => "warning",
            Level::Note => "notice",
        };
        writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            escape_property(&f.place.path),
            f.place.line,
            f.place.column,
            escape_property(&format!("{} {}", f.rule, f.kind.name())),
            escape_data(&format!("{}; {}", f.head, details.join("; ")))
        )?;
        i = j;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_workflow_command_rules() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(
            escape_data("x\u{1b}]8;;y\u{202e}z"),
            "x\\u{1b}]8;;y\\u{202e}z"
        );
    }
}
