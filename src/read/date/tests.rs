//! The date reader's tests: forms newsrooms write, resolution against the publication date,
//! tense cues, offsets, errors, and the pattern fragment.

use regex::Regex;

use super::pattern::{
    DATE_RE, DATE_RE_ASCII, RE_OFFSET, RE_OFFSET_ASCII, RE_OFFSET_SRC, ascii_boundaries, date_re,
};
use super::*;
use crate::text::collapse_spaces;

fn d(s: &str) -> Date {
    s.parse().expect("test date")
}

fn ctx(published: &str) -> DateContext {
    DateContext {
        published: Some(d(published)),
        numeric_order: None,
        anchor: None,
    }
}

/// Resolves the first occurrence of `needle` in `sentence`, as the engine does after the
/// rule's `{date}` matched it, and returns the canonical value or the error message.
fn res_in(sentence: &str, needle: &str, c: &DateContext) -> String {
    let start = sentence.find(needle).expect("needle in sentence");
    match resolve(sentence, start..start + needle.len(), c) {
        Ok(v) => v.canonical(),
        Err(e) => format!("error: {e}"),
    }
}

fn res(sentence: &str, needle: &str, published: &str) -> String {
    res_in(sentence, needle, &ctx(published))
}

/// The canonical value of the date expression written alone.
fn alone(text: &str, published: &str) -> String {
    res(text, text, published)
}

fn found(sentence: &str, c: &DateContext) -> Vec<(String, String)> {
    find_dates(sentence, c)
        .into_iter()
        .map(|(r, v)| {
            let v = match v {
                Ok(v) => v.canonical(),
                Err(e) => format!("error: {e}"),
            };
            (sentence[r].to_string(), v)
        })
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

// --- explicit forms -----------------------------------------------------------------------

#[test]
fn explicit_forms_newsrooms_write() {
    let p = "2022-01-03";
    for form in [
        "January 10",
        "10 January",
        "Jan. 10",
        "Jan 10th",
        "10 Jan 2022",
        "January 10, 2022",
        "January 10 2022",
        "10 January, 2022",
        "the 10th of January",
        "2022-01-10",
        "on January 10",
        "JANUARY 10",
    ] {
        assert_eq!(alone(form, p), "2022-01-10", "{form}");
    }
    assert_eq!(alone("Sept. 5", "2022-08-20"), "2022-09-05");
    assert_eq!(alone("Dec 31st", "2022-01-03"), "2021-12-31");
}

#[test]
fn numeric_dates_need_the_rules_order() {
    let mut c = ctx("2022-01-03");
    assert_eq!(
        res_in("10/01/2022", "10/01/2022", &c),
        "error: 10/01/2022 is ambiguous: set numeric_order = \"day-month\" or \"month-day\" in the rule"
    );
    c.numeric_order = Some(NumericOrder::DayMonth);
    assert_eq!(res_in("10/01/2022", "10/01/2022", &c), "2022-01-10");
    assert_eq!(res_in("10.01.2022", "10.01.2022", &c), "2022-01-10");
    c.numeric_order = Some(NumericOrder::MonthDay);
    assert_eq!(res_in("10/01/2022", "10/01/2022", &c), "2022-10-01");
    assert_eq!(
        res_in("25/01/2022", "25/01/2022", &c),
        "error: 25/01/2022 is not a date (there is no month 25)"
    );
    // Only one reading is a date, or both readings are the same day: no rule needed.
    let c = ctx("2022-01-03");
    assert_eq!(res_in("25/01/2022", "25/01/2022", &c), "2022-01-25");
    assert_eq!(res_in("01/25/2022", "01/25/2022", &c), "2022-01-25");
    assert_eq!(res_in("05/05/2022", "05/05/2022", &c), "2022-05-05");
    assert_eq!(
        "day-month".parse::<NumericOrder>(),
        Ok(NumericOrder::DayMonth)
    );
    assert_eq!(
        " Month-Day ".parse::<NumericOrder>(),
        Ok(NumericOrder::MonthDay)
    );
    assert_eq!(
        "dd-mm".parse::<NumericOrder>().map_err(|e| e.to_string()),
        Err(
            "numeric_order \"dd-mm\" is not understood: write \"day-month\" or \"month-day\""
                .to_string()
        )
    );
}

#[test]
fn month_and_year_is_a_month() {
    assert_eq!(alone("January 2022", "2022-03-01"), "2022-01");
    assert_eq!(alone("Sept. 2021", "2022-03-01"), "2021-09");
}

// --- shapes of the corpus's gold sentences, made up ------------------------------------------

#[test]
fn news_weekday_shapes_resolve() {
    // P = Saturday 2022-01-08 unless stated; the cue words are those of the corpus's gold rows.
    let s = "The Norvian paratroopers, who were on the ground just hours after Marovian President \
                 Ilsa Verrin requested them Wednesday, helped secure the northern bridges.";
    assert_eq!(res(s, "Wednesday", "2022-01-08"), "2022-01-05");
    let s = "Norvian troops entered Marovia Thursday after Marovian President Ilsa \
                 Verrin enlisted the help of a Norvia-led defence pact.";
    assert_eq!(res(s, "Thursday", "2022-01-08"), "2022-01-06");
    let s = "As a result, Tallin and Ostrava traded fresh jabs on the eve of a week’s \
                 summit on trade, which begins Monday with talks between senior Tallin and \
                 Ostravan envoys in Lugano.";
    assert_eq!(res(s, "Monday", "2022-01-08"), "2022-01-10");
    let s = "“For 30 years we’ve been giving ground,” Deputy Trade Minister Pavel Orlen, who \
                 will lead the talks with Tallin in Lugano Monday, said in an interview this week.";
    assert_eq!(res(s, "Monday", "2022-01-08"), "2022-01-10");
    let s = "If any more sabre-rattling were required before Monday's meeting between Norvian \
                 and Ostravan envoys in Lugano and Norvia-Pact talks on Wednesday, then Orlen seized \
                 the moment when Marovia asked a Norvia-led defence pact to step in.";
    assert_eq!(res(s, "Monday's", "2022-01-10"), "2022-01-10");
    assert_eq!(res(s, "on Wednesday", "2022-01-10"), "2022-01-12");
    let s = " By Friday, Verrin said she wouldn’t bargain and ordered her police to stand firm.";
    assert_eq!(res(s, "Friday", "2022-01-08"), "2022-01-07");
}

#[test]
fn news_calendar_shapes_resolve() {
    let s = "Norvian and Ostravan envoys are due to meet in Lugano, Ticino, on January \
                 10, followed by talks between Norvia and the Northern Defence Pact \
                 (NDP) on January 12 and a session on January 13 with Norvia.";
    let got: Vec<(String, String)> = found(s, &ctx("2022-01-03"))
        .into_iter()
        .map(|(t, v)| (collapse_spaces(&t), v))
        .collect();
    assert_eq!(
        got,
        vec![
            pair("on January 10", "2022-01-10"),
            pair("on January 12", "2022-01-12"),
            pair("on January 13", "2022-01-13"),
        ]
    );
    // A caption: the engine may pass a wider range; the date in it is read.
    assert_eq!(
        alone("NDP-Norvia Council session, January 12, 2022", "2022-01-17"),
        "2022-01-12"
    );
    let s = " In truth, most points of Norvia’s “ultimatum” to the Ostravan side on December 17 \
                 are merely a wish list of things Tallin would give up anyway.";
    assert_eq!(res(s, "on December 17", "2022-01-03"), "2021-12-17");
    let s = "Ostravan President Lena Marsh and Norvian President Pavel Orlen discussed trade on \
                 December 7, when they agreed to keep talking.";
    assert_eq!(res(s, "December 7", "2022-01-03"), "2021-12-07");
    let s = "Ostrava shows notable calm in brushing off these provocations, even one as large \
                 as the data breach last Friday, January 14 (NTA, January 14, 2022).";
    assert_eq!(
        found(s, &ctx("2022-01-17")),
        vec![
            pair("last Friday, January 14", "2022-01-14"),
            pair("January 14, 2022", "2022-01-14"),
        ]
    );
}

#[test]
fn offset_from_a_date_the_sentence_names() {
    let s = " What to expect next is an open question, and the answers hinge on what Orlen’s \
                 aims behind the “ultimatum,” delivered ten days after his video call with Ostravan \
                 President Lena Marsh on December 7, really were.";
    let p = "2022-01-17";
    // resolve() reads the whole sentence: the offset applies.
    assert_eq!(res(s, "on December 7", p), "2021-12-17");
    // A rule whose match starts at "video call" wants the call itself.
    let at = s.find("on December 7").expect("date");
    let scope = s.find("his video call").expect("scope")..at + "on December 7".len();
    assert_eq!(
        resolve_scoped(s, at..at + "on December 7".len(), scope, &ctx(p)).map(|v| v.canonical()),
        Ok("2021-12-07".to_string())
    );
    // The range may also cover the offset phrase itself.
    let from = s.find("ten days").expect("offset");
    assert_eq!(
        resolve(s, from..at + "on December 7".len(), &ctx(p)).map(|v| v.canonical()),
        Ok("2021-12-17".to_string())
    );
    // find_dates gives both readings.
    let got: Vec<(String, String)> = found(s, &ctx(p))
        .into_iter()
        .map(|(t, v)| (collapse_spaces(&t), v))
        .collect();
    assert_eq!(
        got,
        vec![
            pair(
                "ten days after his video call with Ostravan President Lena Marsh on December 7",
                "2021-12-17"
            ),
            pair("on December 7", "2021-12-07"),
        ]
    );
}

#[test]
fn offsets_made_up() {
    let p = "2022-03-01";
    assert_eq!(
        res(
            "Campaigning closed two weeks before the vote on March 20, 2022.",
            "March 20, 2022",
            p
        ),
        "2022-03-06"
    );
    assert_eq!(
        res("Talks resumed the day after January 10.", "January 10", p),
        "2022-01-11"
    );
    assert_eq!(
        res(
            "The law takes effect a month after the signing on January 31.",
            "January 31",
            p
        ),
        "2022-02-28"
    );
    // A comma ends the offset's reach: March 3 is the day of the speech.
    assert_eq!(
        res(
            "Ten days after the invasion, on March 3, Marsh spoke.",
            "March 3",
            p
        ),
        "2022-03-03"
    );
    // A verb in between: the offset belongs to another event.
    assert_eq!(
        res(
            "He arrived two days after the summit and left on March 3.",
            "March 3",
            p
        ),
        "2022-03-03"
    );
    // Hours do not move the day.
    assert_eq!(
        res(
            "Troops landed hours after the request on January 5.",
            "January 5",
            p
        ),
        "2022-01-05"
    );
    // Without a publication date, an offset on a year-less date stays unresolved.
    assert_eq!(
        res_in(
            "It came ten days after the call on December 7.",
            "December 7",
            &DateContext::default()
        ),
        "ten days after the call on December 7 (unresolved: no publication date)"
    );
    // An explicit date needs no publication date.
    assert_eq!(
        res_in(
            "It came ten days after the call on December 7, 2021.",
            "December 7, 2021",
            &DateContext::default()
        ),
        "2021-12-17"
    );
}

// --- weekday rule --------------------------------------------------------------------------

/// Each (sentence, date words, expected value) resolved against the publication date `p`.
fn check_table(p: &str, table: &[(&str, &str, &str)]) {
    for (sentence, needle, want) in table {
        assert_eq!(res(sentence, needle, p), *want, "{sentence}");
    }
}

#[test]
fn future_cues_pick_the_coming_day() {
    // Published Saturday 2022-01-08: the nearest Wednesday is 2022-01-05 (3 days back).
    check_table(
        "2022-01-08",
        &[
            (
                "The minister will visit Kyiv on Wednesday.",
                "Wednesday",
                "2022-01-12",
            ),
            (
                "The summit will be held Wednesday in Vienna.",
                "Wednesday",
                "2022-01-12",
            ),
            (
                "Parliament is due to vote Wednesday.",
                "Wednesday",
                "2022-01-12",
            ),
            (
                "The upcoming talks on Wednesday matter.",
                "Wednesday",
                "2022-01-12",
            ),
            (
                "The trial is scheduled to start Wednesday.",
                "Wednesday",
                "2022-01-12",
            ),
            ("She’ll fly to Paris Wednesday.", "Wednesday", "2022-01-12"),
            (
                "The conference opens Wednesday in Davos.",
                "Wednesday",
                "2022-01-12",
            ),
        ],
    );
}

#[test]
fn past_cues_pick_the_day_gone() {
    // Published Saturday 2022-01-08: the nearest Tuesday is 2022-01-11 (3 days ahead).
    check_table(
        "2022-01-08",
        &[
            (
                "The minister visited Kyiv on Tuesday.",
                "Tuesday",
                "2022-01-04",
            ),
            (
                "Police said Tuesday that 12 people died.",
                "Tuesday",
                "2022-01-04",
            ),
            ("The vote was held Tuesday.", "Tuesday", "2022-01-04"),
            (
                "On Tuesday, the ministers met in Brussels.",
                "On Tuesday",
                "2022-01-04",
            ),
            (
                "Clashes broke out Tuesday night in Varno.",
                "Tuesday night",
                "2022-01-04",
            ),
            ("Tuesday's talks were postponed.", "Tuesday's", "2022-01-04"),
            (
                "She wrote in a column printed Tuesday.",
                "Tuesday",
                "2022-01-04",
            ),
        ],
    );
}

#[test]
fn no_cue_takes_the_nearest_day() {
    check_table(
        "2022-01-08", // Saturday
        &[
            ("Talks in Vienna on Tuesday.", "Tuesday", "2022-01-11"),
            ("Protests on Wednesday in Varno.", "Wednesday", "2022-01-05"),
            ("Friday", "Friday", "2022-01-07"),
            ("Sunday", "Sunday", "2022-01-09"),
            // Modals and conditionals are not calendar tense: the nearest day stands.
            (
                "He said he would travel on Tuesday.",
                "Tuesday",
                "2022-01-11",
            ),
            (
                "If the talks fail on Wednesday, sanctions follow.",
                "Wednesday",
                "2022-01-05",
            ),
            // "are held" is present: no cue.
            ("Elections are held Tuesday.", "Tuesday", "2022-01-11"),
            // A clause after ", then" belongs to another event.
            (
                "Talks on Tuesday, then the ministers left.",
                "Tuesday",
                "2022-01-11",
            ),
        ],
    );
}

#[test]
fn same_weekday_is_the_publication_day() {
    let p = "2022-01-10"; // Monday
    assert_eq!(
        res("Monday's meeting in Geneva", "Monday's", p),
        "2022-01-10"
    );
    assert_eq!(res("The talks began Monday.", "Monday", p), "2022-01-10");
    assert_eq!(
        res("The talks will begin Monday.", "Monday", p),
        "2022-01-10"
    );
    assert_eq!(
        res("He resigned last Monday.", "last Monday", p),
        "2022-01-03"
    );
    assert_eq!(
        res("They meet next Monday.", "next Monday", p),
        "2022-01-17"
    );
}

#[test]
fn last_next_this_modifiers() {
    let p = "2022-01-08"; // Saturday
    assert_eq!(alone("last Friday", p), "2022-01-07");
    assert_eq!(alone("last Sunday", p), "2022-01-02");
    assert_eq!(alone("this past Sunday", p), "2022-01-02");
    assert_eq!(alone("next Friday", p), "2022-01-14");
    assert_eq!(alone("this coming Monday", p), "2022-01-10");
    assert_eq!(alone("next Saturday", p), "2022-01-15");
    assert_eq!(
        res("They talked this Thursday.", "this Thursday", p),
        "2022-01-06"
    );
    assert_eq!(
        res("They will talk this Thursday.", "this Thursday", p),
        "2022-01-13"
    );
    // "last" wins over a future verb next to it.
    assert_eq!(
        res(
            "He will explain what happened last Friday.",
            "last Friday",
            p
        ),
        "2022-01-07"
    );
}

#[test]
fn weekday_beside_a_date_is_checked() {
    assert_eq!(
        alone("Monday, January 10, 2022", "2022-01-03"),
        "2022-01-10"
    );
    assert_eq!(alone("Monday, 10 January", "2022-01-03"), "2022-01-10");
    assert_eq!(
        alone("Tuesday, January 10, 2022", "2022-01-03"),
        "error: \"Tuesday, January 10, 2022\" does not add up: 2022-01-10 is a Monday, not a Tuesday"
    );
}

#[test]
fn weekday_with_a_year_is_noise_not_a_crash() {
    let s = "This photo, released by the Norvian Defence Ministry on Sunday 2021, shows an \
                 armoured car driver.";
    let got = found(s, &ctx("2022-01-10"));
    assert_eq!(got.len(), 1);
    assert!(got[0].0.starts_with("on Sunday"));
    assert_eq!(
        got[0].1,
        "error: \"on Sunday 2021\" names no single date: a weekday with a year but no month and day"
    );
}

// --- relative words ------------------------------------------------------------------------

#[test]
fn relative_words() {
    let p = "2022-01-08"; // Saturday, ISO week 2022-W01 (Jan 3-9)
    assert_eq!(alone("today", p), "2022-01-08");
    assert_eq!(alone("tonight", p), "2022-01-08");
    assert_eq!(alone("this morning", p), "2022-01-08");
    assert_eq!(alone("yesterday", p), "2022-01-07");
    assert_eq!(alone("tomorrow", p), "2022-01-09");
    assert_eq!(alone("the day before yesterday", p), "2022-01-06");
    assert_eq!(alone("the day after tomorrow", p), "2022-01-10");
    assert_eq!(alone("three days ago", p), "2022-01-05");
    assert_eq!(alone("10 days ago", p), "2021-12-29");
    assert_eq!(alone("earlier this week", p), "2022-W01");
    assert_eq!(alone("this week", p), "2022-W01");
    assert_eq!(alone("next week", p), "2022-W02");
    assert_eq!(alone("last month", p), "2021-12");
    assert_eq!(alone("earlier this month", p), "2022-01");
    assert_eq!(alone("next month", p), "2022-02");
    assert_eq!(alone("last year", p), "2021");
    assert_eq!(
        res(
            "Mayor Orsk has not spoken in public since the strikes this week.",
            "this week",
            p
        ),
        "2022-W01"
    );
    let week = resolve("earlier this week", 0..17, &ctx(p)).expect("week");
    assert_eq!(week.span(), Some((d("2022-01-03"), d("2022-01-09"))));
    assert_eq!(week.describe(), "2022-W01 (2022-01-03 to 2022-01-09)");
}

#[test]
fn new_year_boundary() {
    // Year-less dates take the nearest year, across the new year both ways.
    assert_eq!(
        res("on December 7", "December 7", "2022-01-17"),
        "2021-12-07"
    );
    assert_eq!(alone("January 3", "2021-12-28"), "2022-01-03");
    assert_eq!(alone("December 31", "2022-01-01"), "2021-12-31");
    // Relative words cross it too.
    assert_eq!(alone("yesterday", "2022-01-01"), "2021-12-31");
    assert_eq!(alone("last month", "2022-01-17"), "2021-12");
    assert_eq!(alone("next month", "2021-12-17"), "2022-01");
    assert_eq!(alone("last week", "2022-01-03"), "2021-W52");
    assert_eq!(alone("Friday", "2022-01-01"), "2021-12-31");
    assert_eq!(alone("next Monday", "2021-12-30"), "2022-01-03");
    // A leap day takes the nearest leap year.
    assert_eq!(alone("February 29", "2023-01-10"), "2024-02-29");
}

#[test]
fn year_less_far_dates_follow_a_clear_cue() {
    // Nearest would be 2021-12-07 (41 days back); the verb says the coming December.
    assert_eq!(
        res(
            "Talks will resume on December 7.",
            "December 7",
            "2022-01-17"
        ),
        "2022-12-07"
    );
    // Within a month of publication the nearest year stands whatever the verb.
    assert_eq!(
        res(
            "The ministers will meet on December 30.",
            "December 30",
            "2022-01-17"
        ),
        "2021-12-30"
    );
    assert_eq!(
        res(
            "Parliament was dissolved on October 10.",
            "October 10",
            "2022-05-01"
        ),
        "2021-10-10"
    );
    assert_eq!(
        res(
            "Parliament will be dissolved on October 10.",
            "October 10",
            "2022-02-01"
        ),
        "2022-10-10"
    );
}

// --- no publication date -------------------------------------------------------------------

#[test]
fn without_a_publication_date_nothing_is_guessed() {
    let c = DateContext::default();
    assert_eq!(
        res_in("Norvian troops entered Marovia Thursday.", "Thursday", &c),
        "Thursday (unresolved: no publication date)"
    );
    let s = "Norvian troops entered Marovia Thursday.";
    let at = s.find("Thursday").expect("weekday");
    assert_eq!(
        resolve(s, at..at + 8, &c),
        Ok(DateValue::UnresolvedWeekday(Weekday::Thursday))
    );
    assert_eq!(
        res_in("on December 7", "December 7", &c),
        "December 7 (unresolved: no publication date)"
    );
    assert_eq!(
        res_in("yesterday", "yesterday", &c),
        "yesterday (unresolved: no publication date)"
    );
    assert_eq!(
        res_in("last month", "last month", &c),
        "last month (unresolved: no publication date)"
    );
    assert_eq!(
        res_in("January 12, 2022", "January 12, 2022", &c),
        "2022-01-12"
    );
    assert_eq!(res_in("January 2022", "January 2022", &c), "2022-01");
    assert_eq!(
        res_in("February 30", "February 30", &c),
        "error: February 30 is not a date (February has at most 29 days)"
    );
}

// --- errors --------------------------------------------------------------------------------

#[test]
fn impossible_dates_are_clear_errors() {
    let p = "2022-01-08";
    assert_eq!(
        alone("February 30", p),
        "error: February 30 is not a date (February has at most 29 days)"
    );
    assert_eq!(
        alone("30 February 2022", p),
        "error: February 30, 2022 is not a date (February has 28 days)"
    );
    assert_eq!(
        alone("February 29, 2021", p),
        "error: February 29, 2021 is not a date (2021 is not a leap year)"
    );
    assert_eq!(
        alone("April 31, 2022", p),
        "error: April 31, 2022 is not a date (April has 30 days)"
    );
    assert_eq!(
        alone("April 31", p),
        "error: April 31 is not a date (April has 30 days)"
    );
    assert_eq!(
        alone("2022-13-01", p),
        "error: month 13 is not a date (there are 12 months)"
    );
    assert_eq!(alone("February 29, 2024", p), "2024-02-29");
    // A date the fragment does not match but a caller passed anyway.
    assert_eq!(
        alone("January 32", p),
        "error: \"January 32\" is not a date the date reader knows (docs/dates.md lists the forms)"
    );
    assert_eq!(
        alone("the talks", p),
        "error: \"the talks\" is not a date the date reader knows (docs/dates.md lists the forms)"
    );
}

#[test]
fn published_dates_parse_or_say_why() {
    assert_eq!(parse_published("2022-01-08"), Ok(d("2022-01-08")));
    assert_eq!(parse_published(" \"2022-01-08\" "), Ok(d("2022-01-08")));
    assert_eq!(parse_published("2022-01-08T10:00:00Z"), Ok(d("2022-01-08")));
    assert_eq!(
        parse_published("2022-01-08T23:30:00-05:00"),
        Ok(d("2022-01-08"))
    );
    assert_eq!(parse_published("2022-01-08 10:00"), Ok(d("2022-01-08")));
    assert_eq!(
            parse_published("January 8, 2022").map_err(|e| e.to_string()),
            Err("published date \"January 8, 2022\" does not parse (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ): write it as YYYY-MM-DD, e.g. published: 2022-01-08".to_string())
        );
    assert_eq!(
            parse_published("2022-02-30").map_err(|e| e.to_string()),
            Err("published date \"2022-02-30\" does not parse (February 30, 2022 is not a date (February has 28 days)): write it as YYYY-MM-DD, e.g. published: 2022-01-08".to_string())
        );
    assert!(parse_published("").is_err());
    assert!(parse_published("2022-01-08Tnonsense").is_err());
    assert!(parse_published("2022-01-08x").is_err());
}

#[test]
fn bad_ranges_are_errors_not_panics() {
    let s = "Orlen’s troops left Thursday.";
    let c = ctx("2022-01-08");
    assert!(matches!(
        resolve(s, 5..6, &c),
        Err(DateError::BadSpan { .. })
    )); // inside ’
    assert!(matches!(
        resolve(s, 3..300, &c),
        Err(DateError::BadSpan { .. })
    ));
    #[allow(clippy::reversed_empty_ranges)]
    let backwards = 9..3;
    assert!(resolve(s, backwards, &c).is_err());
    assert!(matches!(
        resolve(s, 0..0, &c),
        Err(DateError::NotADate { .. })
    ));
}

#[test]
fn no_panic_on_any_char_range() {
    let s = "Ten days after the call “on Dec. 7”, Orlen’s — envoy met Monday’s 10/01/2022 délégation \
                 the 31st of February 2021; yesterday 2022-02-30 Sunday 2021 last week 九 May 5.";
    let c = ctx("2022-01-08");
    let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
    for &a in &bounds {
        for &b in &bounds {
            if a <= b {
                let _ = resolve(s, a..b, &c);
                let _ = resolve(s, a..b, &DateContext::default());
            }
        }
    }
    for &a in &bounds {
        let _ = find_dates(&s[a..], &c);
        let _ = tense_cue(s, a..s.len());
    }
    assert_eq!(alone("1 January 9999", "9999-12-31"), "9999-01-01");
    assert!(alone("tomorrow", "9999-12-31").starts_with("error: \"tomorrow\" falls outside"));
}

// --- the pattern ---------------------------------------------------------------------------

fn pattern_matches(text: &str) -> Vec<String> {
    DATE_RE
        .find_iter(text)
        .map(|m| m.as_str().to_string())
        .collect()
}

#[test]
fn ascii_twins_have_only_ascii_boundaries_and_find_the_same_dates() {
    for twin in [
        date_pattern_ascii(),
        ascii_boundaries(&RE_OFFSET_SRC).as_str(),
    ] {
        assert!(!twin.replace(r"(?-u:\b)", "").contains(r"\b"), "{twin}");
    }
    // News text: curly quotes, dashes, a no-break space; no non-ASCII letter.
    let text = "“On Monday,” he said — Jan. 10 – talks began on 10\u{a0}January 2022, \
                    ten days after December 31st; ‘tomorrow’ or the day after tomorrow.";
    assert!(!crate::text::ascii::has_non_ascii_word(text));
    let all = |re: &Regex| -> Vec<&str> { re.find_iter(text).map(|m| m.as_str()).collect() };
    assert_eq!(
        all(&DATE_RE_ASCII),
        [
            "On Monday",
            "Jan. 10",
            "on 10\u{a0}January 2022",
            "December 31st",
            "tomorrow",
            "the day after tomorrow"
        ]
    );
    assert_eq!(all(&DATE_RE), all(&DATE_RE_ASCII));
    assert_eq!(all(&RE_OFFSET), ["ten days after", "the day after"]);
    assert_eq!(all(&RE_OFFSET_ASCII), all(&RE_OFFSET));
    // Next to a non-ASCII letter the two differ, which is why `date_re` looks first.
    let glued = "caféMonday";
    assert!(DATE_RE.find(glued).is_none());
    assert!(DATE_RE_ASCII.find(glued).is_some());
    assert!(date_re(glued).find(glued).is_none());
}

#[test]
fn pattern_matches_every_form_whole() {
    for form in [
        "January 10",
        "10 January",
        "Jan. 10",
        "Jan 10th",
        "10 Jan 2022",
        "January 10, 2022",
        "2022-01-10",
        "10/01/2022",
        "Monday",
        "on Wednesday",
        "Thursday's",
        "Thursday’s",
        "Monday night",
        "last Friday",
        "next Friday",
        "this Friday",
        "this past Sunday",
        "Monday, January 10, 2022",
        "today",
        "yesterday",
        "tomorrow",
        "earlier this week",
        "last month",
        "three days ago",
        "January 2022",
        "the 10th of January",
        "Sunday 2021",
    ] {
        assert_eq!(pattern_matches(form), vec![form.to_string()], "{form}");
    }
}

#[test]
fn pattern_near_misses() {
    for text in [
        "Orlen may not want to take part",
        "about 2,000 soldiers",
        "the Mayor of Varno",
        "a year of talks",
        "in 2019",
        "Sundays are quiet",
        "10 days of talks",
        "a march on Washington",
        "Jane 10",
        "100/01/2022",
        "1/2 of the troops",
        "decades",
        "the weekend",
    ] {
        assert_eq!(pattern_matches(text), Vec::<String>::new(), "{text}");
    }
    // Lowercase "may"/"march" are words: find_dates skips them.
    let c = ctx("2022-01-08");
    assert!(found("Officials said 10 may still be missing.", &c).is_empty());
    assert_eq!(
        found("The vote is set for May 10.", &c),
        vec![pair("May 10", "2022-05-10")]
    );
}

#[test]
fn pattern_drops_into_a_user_regex() {
    let user = format!(r"(?i)(talks)\s+(?:\w+\s+){{0,3}}{}", date_pattern());
    let re = Regex::new(&user).expect("user regex");
    // The fragment adds no capturing group of its own.
    assert_eq!(re.captures_len(), 2);
    let caps = re
        .captures("Pact talks with Norvia on January 12")
        .expect("match");
    assert_eq!(&caps[0], "talks with Norvia on January 12");
    // It is case-insensitive even inside a case-sensitive regex.
    let re = Regex::new(&format!("began {}", date_pattern())).expect("regex");
    assert!(re.is_match("began MONDAY"));
}

#[test]
fn values_serialize_and_describe() {
    let v = DateValue::Day(d("2022-01-06"));
    assert_eq!(v.canonical(), "2022-01-06");
    assert_eq!(v.describe(), "2022-01-06 (Thursday)");
    assert_eq!(v.day(), Some(d("2022-01-06")));
    assert_eq!(
        DateValue::Month {
            year: 2021,
            month: 12
        }
        .span(),
        Some((d("2021-12-01"), d("2021-12-31")))
    );
    assert_eq!(
        DateValue::Month {
            year: 2021,
            month: 12
        }
        .day(),
        None
    );
    assert_eq!(
        DateValue::UnresolvedDate { month: 12, day: 7 }.to_string(),
        "December 7 (unresolved: no publication date)"
    );
}

#[test]
fn tense_cue_reads_the_nearest_cue() {
    let s = "Verrin, who requested troops Wednesday, will meet Orlen Friday.";
    let w = s.find("Wednesday").expect("w");
    let f = s.find("Friday").expect("f");
    assert_eq!(tense_cue(s, w..w + 9), Some(Tense::Past));
    assert_eq!(tense_cue(s, f..f + 6), Some(Tense::Future));
    // Names are not verbs.
    let s = "Will Smith and United fans on Friday";
    let f = s.find("Friday").expect("f");
    assert_eq!(tense_cue(s, f..f + 6), None);
}

// --- months, parts of months, edges of periods, "ago" (#16) -------------------------------

#[test]
fn months_without_a_day() {
    // P = Wednesday 2026-06-10.
    let p = "2026-06-10";
    assert_eq!(
        res("Talks face a September deadline.", "a September", p),
        "2026-09"
    );
    assert_eq!(res("Prices rose in March.", "in March", p), "2026-03");
    // A past cue takes a month still ahead back a year; a future one takes a month gone on.
    assert_eq!(
        res("Prices climbed sharply in August.", "in August", p),
        "2025-08"
    );
    assert_eq!(
        res("The plant will reopen in February.", "in February", p),
        "2027-02"
    );
    // "last" and "next" are strictly before and after the publication month.
    assert_eq!(alone("last June", p), "2025-06");
    assert_eq!(alone("last March", p), "2026-03");
    assert_eq!(alone("next June", p), "2027-06");
    assert_eq!(alone("next July", p), "2026-07");
    // A full date or a month with its year after the preposition is read as such.
    assert_eq!(
        res("Fees rise by March 20, 2027.", "by March 20, 2027", p),
        "2027-03-20"
    );
    assert_eq!(
        res("It opened in March 2020.", "in March 2020", p),
        "2020-03"
    );
}

#[test]
fn thirds_of_a_month_are_ranges_of_days() {
    let p = "2026-06-10";
    assert_eq!(alone("early January", p), "2026-01-01..2026-01-10");
    assert_eq!(alone("mid-May", p), "2026-05-11..2026-05-20");
    assert_eq!(alone("late February 2024", p), "2024-02-21..2024-02-29");
    assert_eq!(alone("late April", p), "2026-04-21..2026-04-30");
}

#[test]
fn the_end_of_a_period_is_its_last_day() {
    let p = "2026-06-10";
    assert_eq!(
        res("Cuts by the end of 2027.", "the end of 2027", p),
        "2027-12-31"
    );
    assert_eq!(
        res("Cuts by the end of the year.", "the end of the year", p),
        "2026-12-31"
    );
    assert_eq!(alone("the end of this year", p), "2026-12-31");
    assert_eq!(alone("the end of next month", p), "2026-07-31");
    assert_eq!(alone("the end of the week", p), "2026-06-14");
    assert_eq!(alone("the start of next year", p), "2027-01-01");
    assert_eq!(alone("the beginning of March 2027", p), "2027-03-01");
}

#[test]
fn ago_counts_back_from_publication() {
    let p = "2026-06-10";
    assert_eq!(alone("three weeks ago", p), "2026-05-20");
    assert_eq!(alone("two months ago", p), "2026-04-10");
    assert_eq!(alone("a year ago", p), "2025-06-10");
    assert_eq!(alone("more than a year ago", p), "<=2025-06-10");
    assert_eq!(alone("less than two years ago", p), ">=2024-06-10");
    assert_eq!(alone("about a year ago", p), "2025-06-10");
    // Unchanged: days.
    assert_eq!(alone("ten days ago", p), "2026-05-31");
}

#[test]
fn new_forms_are_found_whole_and_wait_without_a_publication_date() {
    let c = ctx("2026-06-10");
    assert_eq!(
        found(
            "Vell said more than a year ago that talks end by the end of the year.",
            &c
        ),
        [
            pair("more than a year ago", "<=2025-06-10"),
            pair("the end of the year", "2026-12-31")
        ]
    );
    assert_eq!(
        found("Orrin may visit in mid-May, not in may.", &c),
        [pair("mid-May", "2026-05-11..2026-05-20")]
    );
    let none = DateContext::default();
    assert_eq!(
        found("Fees rise in March and by the end of 2027.", &none),
        [
            pair("in March", "in March (unresolved: no publication date)"),
            pair("the end of 2027", "2027-12-31")
        ]
    );
}

#[test]
fn bounds_and_day_runs_have_spans() {
    let c = ctx("2026-06-10");
    let v = resolve("mid-May", 0..7, &c).expect("a date");
    assert_eq!(v.span(), Some((d("2026-05-11"), d("2026-05-20"))));
    let v = resolve("more than a year ago", 0..20, &c).expect("a date");
    assert_eq!(v.span().map(|(_, b)| b), Some(d("2025-06-10")));
}

// --- spans of days, counted days, seasons (#16) --------------------------------------------

#[test]
fn spans_of_days_cover_both_ends() {
    let p = "2026-01-20";
    for (form, want) in [
        ("4–5 February", "2026-02-04..2026-02-05"),
        ("4-5 February 2025", "2025-02-04..2025-02-05"),
        ("February 4-5", "2026-02-04..2026-02-05"),
        ("Feb. 4–5", "2026-02-04..2026-02-05"),
        ("4 to 5 February", "2026-02-04..2026-02-05"),
        ("3 March to 10 March", "2026-03-03..2026-03-10"),
        ("March 3 through 10", "2026-03-03..2026-03-10"),
        ("March 3 to March 10, 2027", "2027-03-03..2027-03-10"),
        ("between 4 and 5 February", "2026-02-04..2026-02-05"),
        ("the 4th to the 6th of February", "2026-02-04..2026-02-06"),
        // Across the new year: the first end takes the year before the written one.
        ("December 30 to January 2, 2026", "2025-12-30..2026-01-02"),
        ("December 30, 2025 to January 2", "2025-12-30..2026-01-02"),
        // Year-less: the first end is placed as a lone date is (nearest the publication).
        ("December 30 to January 2", "2025-12-30..2026-01-02"),
        ("on January 10-12", "2026-01-10..2026-01-12"),
    ] {
        assert_eq!(found(form, &ctx(p)), [pair(form, want)], "{form}");
    }
    // "from" is left out of the match; "from 3 March to 10 March" is the span all the same.
    assert_eq!(
        res(
            "Flights stop from 3 March to 10 March.",
            "3 March to 10 March",
            p
        ),
        "2026-03-03..2026-03-10"
    );
    // The span is found whole inside a sentence and after a preposition.
    assert_eq!(
        found("Delegates from Norvia met 4-5 February in Tallin.", &ctx(p)),
        [pair("4-5 February", "2026-02-04..2026-02-05")]
    );
    assert_eq!(
        found("Fees are frozen until March 3-5, 2026.", &ctx(p)),
        [pair("until March 3-5, 2026", "2026-03-03..2026-03-05")]
    );
    // A span that runs backwards is an error, not a guess.
    assert_eq!(
        alone("5-4 February 2026", p),
        "error: 5-4 February 2026 is not a date (it ends before it starts)"
    );
    assert_eq!(
        alone("February 4-31", p),
        "error: February 31 is not a date (February has at most 29 days)"
    );
    // Without a publication date, a span without a year waits; one with a year does not.
    let none = DateContext::default();
    assert_eq!(
        res_in("February 4-5", "February 4-5", &none),
        "February 4-5 (unresolved: no publication date)"
    );
    assert_eq!(
        res_in("4-5 February 2025", "4-5 February 2025", &none),
        "2025-02-04..2025-02-05"
    );
    // A day-precision value it is not: its span has two days.
    let v = resolve("February 4-5", 0..12, &ctx(p)).expect("a span");
    assert_eq!(v.span(), Some((d("2026-02-04"), d("2026-02-05"))));
}

#[test]
fn weekday_spans_run_from_the_first_weekday_placed_as_usual() {
    // P = Tuesday 2026-01-20.
    let p = "2026-01-20";
    assert_eq!(
        found("Strikes continued between Monday and Wednesday.", &ctx(p)),
        [pair(
            "between Monday and Wednesday",
            "2026-01-19..2026-01-21"
        )]
    );
    assert_eq!(alone("Monday to Wednesday", p), "2026-01-19..2026-01-21");
    // Friday to Monday runs over the weekend; a past cue takes the Friday gone.
    assert_eq!(
        res("The port was shut Friday to Monday.", "Friday to Monday", p),
        "2026-01-16..2026-01-19"
    );
    assert_eq!(
        res(
            "The port will be shut Friday to Monday.",
            "Friday to Monday",
            p
        ),
        "2026-01-23..2026-01-26"
    );
}

#[test]
fn durations_and_scores_are_no_spans() {
    let c = ctx("2026-01-20");
    for text in [
        "Repairs take 2-3 weeks.",
        "Orvale won 3-2 on penalties.",
        "between 2 and 3 weeks",
        "4 and 5 February",
        "aged 4 to 5",
    ] {
        let got = found(text, &c);
        assert!(
            got.iter()
                .all(|(t, v)| !v.contains("..") || t.contains("February")),
            "{text}: {got:?}"
        );
    }
    // "4 and 5 February" without "between" is the single date 5 February.
    assert_eq!(
        found("4 and 5 February", &c),
        [pair("5 February", "2026-02-05")]
    );
    assert!(found("Repairs take 2-3 weeks.", &c).is_empty());
    // A spaced dash opens an aside: March 3 alone.
    assert_eq!(
        found("The vote is on March 3 – 10 days after the strike.", &c),
        [pair("on March 3", "2026-03-03")]
    );
    assert!(found("Orvale won 3-2 on penalties.", &c).is_empty());
}

#[test]
fn counted_days_count_from_the_day_named_before_them() {
    let p = "2026-01-20";
    let c = ctx(p);
    for (sentence, want) in [
        (
            "The talks opened on January 12 and ended the next day.",
            "2026-01-13",
        ),
        (
            "The talks opened on January 12 and ended the following day.",
            "2026-01-13",
        ),
        (
            "Mira Tosk arrived on January 12 and left a day later.",
            "2026-01-13",
        ),
        (
            "Mira Tosk arrived on January 12 and left two days later.",
            "2026-01-14",
        ),
        (
            "Mira Tosk arrived on January 12 and left a week later.",
            "2026-01-19",
        ),
        (
            "The vote was on January 12; ballots were printed the day before.",
            "2026-01-11",
        ),
        (
            "The vote was on January 12, and the count ended three days later.",
            "2026-01-15",
        ),
        (
            "The vote was on Monday, and the count ended the previous day.",
            "2026-01-18",
        ),
    ] {
        let got = found(sentence, &c);
        assert_eq!(got.len(), 2, "{sentence}: {got:?}");
        assert_eq!(got[1].1, want, "{sentence}: {got:?}");
    }
    // Resolved where a rule's match put it, as extraction does.
    assert_eq!(
        res(
            "The vote was on January 12; the count ended two days later.",
            "two days later",
            p
        ),
        "2026-01-14"
    );
    // "the day before <noun phrase> on <date>" counts from that date, as "a day before"
    // does; with no date after the noun phrase, or a clause between, it is not read.
    for (sentence, needle, want) in [
        (
            "The strike began the day before the summit on January 12.",
            "the day before",
            "2026-01-11",
        ),
        (
            "The strike ended the day after the envoy's visit on January 12.",
            "the day after",
            "2026-01-13",
        ),
        (
            "The strike began the day before the summit.",
            "the day before",
            "error: \"the day before\" is not read: it counts from the words after it, not from a date",
        ),
        (
            "The strike began the day before the summit, which ended on January 12.",
            "the day before",
            "error: \"the day before\" is not read: it counts from the words after it, not from a date",
        ),
    ] {
        assert_eq!(res(sentence, needle, p), want, "{sentence}");
    }
    // "N days after <date>" stays the offset form.
    assert_eq!(
        found("The law took effect ten days after January 12.", &c),
        [
            pair("ten days after January 12", "2026-01-22"),
            pair("January 12", "2026-01-12")
        ]
    );
    // With an explicit anchor no publication date is needed; with a year-less one it waits.
    let none = DateContext::default();
    assert_eq!(
        res_in(
            "It opened on January 12, 2026 and closed the next day.",
            "the next day",
            &none
        ),
        "2026-01-13"
    );
    assert_eq!(
        res_in(
            "It opened on January 12 and closed the next day.",
            "the next day",
            &none
        ),
        "the next day (unresolved: no publication date)"
    );
}

#[test]
fn counted_days_count_from_the_day_the_paragraph_named_last() {
    let c = ctx("2026-01-20");
    let anchor = |before: &[&str]| paragraph_anchor(before, &c).map(|d| d.to_string());
    // The last date expression before the sentence decides, one day as written.
    assert_eq!(
        anchor(&["The envoys arrived on January 12.", "Rain fell all week."]),
        Some("2026-01-12".into())
    );
    assert_eq!(
        anchor(&["They met on Monday and again on January 14."]),
        Some("2026-01-14".into())
    );
    // A period, a counted day or a moved date there anchors nothing.
    assert_eq!(
        anchor(&["On January 12 they met; prices rose last month."]),
        None
    );
    assert_eq!(
        anchor(&[
            "They met on January 12.",
            "A day later the talks broke off."
        ]),
        None
    );
    assert_eq!(anchor(&["Ten days after January 2 the port shut."]), None);
    assert_eq!(anchor(&["No date here."]), None);
    assert_eq!(anchor(&[]), None);
    // Given an anchor, a sentence with no day of its own counts from it.
    let with = DateContext {
        anchor: Some(d("2026-01-12")),
        ..c.clone()
    };
    assert_eq!(
        res_in(
            "The next day, the ministers met again.",
            "The next day",
            &with
        ),
        "2026-01-13"
    );
    assert_eq!(
        res_in("Two days later the port reopened.", "Two days later", &with),
        "2026-01-14"
    );
    // A day in its own sentence still comes first.
    assert_eq!(
        res_in(
            "It opened on January 15 and closed the next day.",
            "the next day",
            &with
        ),
        "2026-01-16"
    );
}

#[test]
fn counted_days_without_an_anchor_are_not_read() {
    let c = ctx("2026-01-20");
    for sentence in [
        // The anchor is in another sentence: not read.
        "The next day, the ministers met again.",
        "Two days later the port reopened.",
        // "the day after the vote": it counts from the vote, which is no date.
        "On January 12 the polls closed, and the day after the vote the count began.",
        // The day before it is a period or another counted day.
        "Prices rose last month and fell the next day.",
    ] {
        assert!(
            found(sentence, &c)
                .iter()
                .all(|(t, _)| !t.contains("day after the")
                    && !t.contains("next day")
                    && !t.contains("days later")),
            "{sentence}: {:?}",
            found(sentence, &c)
        );
    }
    assert_eq!(
        res(
            "The next day, the ministers met again.",
            "The next day",
            "2026-01-20"
        ),
        "error: \"The next day\" is not read: neither its sentence nor the paragraph before it \
         names a day"
    );
    assert_eq!(
        res(
            "It opened on January 12, closed the next day and reopened a day later.",
            "a day later",
            "2026-01-20"
        ),
        "error: \"a day later\" is not read: the date before it is itself counted from another"
    );
    assert_eq!(
        res(
            "Polls closed on January 12 and the day after the vote the count began.",
            "the day after",
            "2026-01-20"
        ),
        "error: \"the day after\" is not read: it counts from the words after it, not from a date"
    );
}

#[test]
fn seasons_are_runs_of_months() {
    // P = 2026-01-20, in the winter of 2026 (December 2025 to February 2026).
    let p = "2026-01-20";
    for (form, want) in [
        ("this winter", "2025-12-01..2026-02-28"),
        ("last winter", "2024-12-01..2025-02-28"),
        ("next winter", "2026-12-01..2027-02-28"),
        ("this summer", "2026-06-01..2026-08-31"),
        ("last summer", "2025-06-01..2025-08-31"),
        ("this past summer", "2025-06-01..2025-08-31"),
        ("next fall", "2026-09-01..2026-11-30"),
        ("last autumn", "2025-09-01..2025-11-30"),
        ("the spring of 2021", "2021-03-01..2021-05-31"),
        ("in the spring of 2021", "2021-03-01..2021-05-31"),
        ("autumn 2022", "2022-09-01..2022-11-30"),
        ("in fall 2022", "2022-09-01..2022-11-30"),
        ("summer 2024", "2024-06-01..2024-08-31"),
        // The winter of a year holds its January: December of the year before to February.
        ("the winter of 2024", "2023-12-01..2024-02-29"),
    ] {
        assert_eq!(found(form, &ctx(p)), [pair(form, want)], "{form}");
    }
    // "this summer" said in October is the summer just gone; in March, the coming one, and
    // so is "this autumn" in March, though the last autumn ended nearer.
    assert_eq!(alone("this summer", "2026-10-05"), "2026-06-01..2026-08-31");
    assert_eq!(alone("this summer", "2026-03-05"), "2026-06-01..2026-08-31");
    assert_eq!(
        res(
            "A slump could coincide with this autumn’s vote in Norvia.",
            "this autumn",
            "2026-03-02"
        ),
        "2026-09-01..2026-11-30"
    );
    // A winter spans two years: the nearest ("this winter" in May is the one just gone).
    assert_eq!(alone("this winter", "2026-05-10"), "2025-12-01..2026-02-28");
    assert_eq!(alone("this winter", "2026-10-10"), "2026-12-01..2027-02-28");
    // "last" is the latest that ended before publication; "next" the first that starts after.
    assert_eq!(alone("last summer", "2026-10-05"), "2026-06-01..2026-08-31");
    assert_eq!(alone("last summer", "2026-07-05"), "2025-06-01..2025-08-31");
    assert_eq!(alone("next winter", "2026-03-15"), "2026-12-01..2027-02-28");
    // "fall" as a verb or a noun is no season.
    for text in [
        "Prices could fall 2000 points.",
        "the fall of the old regime",
        "a spring in her step",
    ] {
        assert!(found(text, &ctx(p)).is_empty(), "{text}");
    }
    assert_eq!(
        res_in("last winter", "last winter", &DateContext::default()),
        "last winter (unresolved: no publication date)"
    );
    assert_eq!(
        res_in("autumn 2022", "autumn 2022", &DateContext::default()),
        "2022-09-01..2022-11-30"
    );
}

#[test]
fn years_past_the_calendar_are_refused() {
    // #21 item 11: "next year" from 9999 is no year 10000.
    assert_eq!(
        alone("next year", "9999-12-31"),
        "error: \"next year\" falls outside the supported calendar (years -9999 to 9999)"
    );
    assert_eq!(
        alone("next June", "9999-07-01"),
        "error: \"next June\" falls outside the supported calendar (years -9999 to 9999)"
    );
    assert!(alone("the end of next year", "9999-03-01").starts_with("error: "));
    assert!(alone("next winter", "9999-03-01").starts_with("error: "));
    assert_eq!(alone("last year", "9999-12-31"), "9998");
    assert_eq!(alone("this year", "9999-12-31"), "9999");
}

// --- times of day and zones ---------------------------------------------------------------

/// A time of day, with or without a zone, never moves the day it is written with: the day is
/// the one the writer named, in the writer's zone. A timestamp is read as the date it starts
/// with; a time with no day names no date.
#[test]
fn times_with_zones_keep_the_day_they_fall_on() {
    let c = ctx("2031-06-11"); // a Wednesday
    // Late evening in a zone west of UTC would be the next day in UTC: still the day written.
    assert_eq!(
        found(
            "The ballots closed at 11:45 p.m. EST on Tuesday, clerks said.",
            &c
        ),
        vec![pair("on Tuesday", "2031-06-10")]
    );
    assert_eq!(
        found("Trading halted at 4 p.m. ET Friday (2000 GMT).", &c),
        vec![pair("Friday", "2031-06-06")]
    );
    assert_eq!(
        found("The panel meets at 0930 GMT on June 19.", &c),
        vec![pair("on June 19", "2031-06-19")]
    );
    // Timestamps: the date as written, whatever the offset or fraction.
    assert_eq!(
        found(
            "The filing is stamped 2031-06-09T23:50:00-05:00 in the registry.",
            &c
        ),
        vec![pair("2031-06-09T23:50:00-05:00", "2031-06-09")]
    );
    assert_eq!(
        found(
            "Logged at 2031-06-08T01:05Z and again at 2031-06-08t22:10:59.125+09:30.",
            &c
        ),
        vec![
            pair("2031-06-08T01:05Z", "2031-06-08"),
            pair("2031-06-08t22:10:59.125+09:30", "2031-06-08"),
        ]
    );
    assert_eq!(alone("2031-06-07T12:00:00Z", "2031-06-11"), "2031-06-07");
    // A time with no day is no date, and its digits are not a year.
    assert!(found("The count resumed at 2100 GMT after a recess.", &c).is_empty());
    assert!(found("Doors open at 7 p.m. PT sharp.", &c).is_empty());
    // A date glued to something that is not a time is not read.
    assert!(found("Serial 2031-06-07X1 was recalled.", &c).is_empty());
}
