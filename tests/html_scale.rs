//! The HTML report scales (issue 20): on generated corpora (`gen-corpus`, the benchmark's
//! generator) the page grows at most linearly with the articles, and each article adds at
//! most a bounded number of bytes, so that 10,000 articles stay under 10 MB
//! (docs/output.md, "HTML"; figures in docs/performance.md). Sizes only, never times.

mod common;

use std::path::Path;

/// What each further article may add to the page (the first few hundred fill the capped
/// lists, a fixed cost): 10 MB for 10,000 articles, with room for that fixed cost.
const BYTES_PER_ARTICLE: usize = 1_000;

/// The bytes of `check --format html` on `corpus`.
fn page(corpus: &Path) -> String {
    let corpus = corpus.to_str().expect("a UTF-8 temp path");
    let (code, out, err) = common::run(&["check", "--corpus", corpus, "--format", "html"]);
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn html_grows_at_most_linearly_and_within_a_bound_per_article() {
    let (small, large) = (100, 400);
    let a = page(common::generated(small, 1).path());
    let b = page(common::generated(large, 1).path());
    // Both are past the matrix's column-per-source cap: the sizes compare like with like.
    for p in [&a, &b] {
        assert!(p.contains("<td class=\"cells\">"), "no per-cell matrix");
        assert_eq!(p.matches("<script").count(), 1);
    }
    let (sa, sb) = (a.len(), b.len());
    // At most linear: four times the articles, at most four times the page.
    assert!(
        sb <= sa * large / small,
        "{small} articles: {sa} bytes; {large}: {sb} bytes"
    );
    // What each further article adds, and the whole page, within the bound.
    let marginal = (sb - sa.min(sb)) / (large - small);
    assert!(
        marginal <= BYTES_PER_ARTICLE,
        "{marginal} bytes per article from {small} to {large} articles ({sa} → {sb})"
    );
    // And 10,000 articles, at that rate, under 10 MB.
    let projected = sb + (10_000 - large) * marginal;
    assert!(
        projected <= 10_000_000,
        "10,000 articles projected at {projected} bytes ({sb} at {large}, {marginal} per article)"
    );
}
