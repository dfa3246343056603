//! The query language, fzf's extended search, parsed once per keystroke:
//!
//! | typed        | means                                       |
//! |--------------|---------------------------------------------|
//! | `word`       | fuzzy match                                 |
//! | `'word`      | exact match (a substring)                   |
//! | `^word`      | the text starts with it                     |
//! | `word$`      | the text ends with it                       |
//! | `^word$`     | the text is exactly it                      |
//! | `!word`      | the text does not contain it (`!^`, `!$` too; `!'word` excludes fuzzy) |
//! | `a b`        | both must match                             |
//! | `a \| b`     | either may match                            |
//!
//! A backslash before a space makes it part of the term. Each term has its
//! own smart case: an uppercase letter makes that term case-sensitive. The
//! parse follows fzf's own (`pattern.go`, `parseTerms`) rule for rule, so
//! `versus search --lines` can promise fzf's hit counts.

use super::fold::Fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Fuzzy,
    Exact,
    Prefix,
    Suffix,
    Equal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    pub kind: Kind,
    /// The term must not match.
    pub inverse: bool,
    /// The text to look for, already folded as `fold` says (lowercased when
    /// the term is case-insensitive, unaccented when it has no accent).
    pub text: String,
    pub fold: Fold,
}

/// Terms in groups: every group must match; within a group, any term.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Pattern {
    pub groups: Vec<Vec<Term>>,
}

impl Pattern {
    pub(crate) fn parse(query: &str) -> Pattern {
        // fzf trims leading spaces, and trailing ones unless escaped.
        let mut query = query.trim_start_matches(' ');
        while query.ends_with(' ') && !query.ends_with("\\ ") {
            query = &query[..query.len() - 1];
        }
        let escaped = query.replace("\\ ", "\t");
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut group: Vec<Term> = Vec::new();
        let (mut new_group, mut after_bar) = (false, false);
        for token in escaped.split(' ').filter(|t| !t.is_empty()) {
            let typed = token.replace('\t', " ");
            let fold = Fold::for_term(&typed);
            if !group.is_empty() && !after_bar && typed == "|" {
                new_group = false;
                after_bar = true;
                continue;
            }
            after_bar = false;
            let (mut kind, mut inverse, mut text) = (Kind::Fuzzy, false, typed.as_str());
            if let Some(rest) = text.strip_prefix('!') {
                (kind, inverse, text) = (Kind::Exact, true, rest);
            }
            if text != "$"
                && let Some(rest) = text.strip_suffix('$')
            {
                (kind, text) = (Kind::Suffix, rest);
            }
            if let Some(rest) = text.strip_prefix('\'') {
                kind = if inverse { Kind::Fuzzy } else { Kind::Exact };
                text = rest;
            } else if let Some(rest) = text.strip_prefix('^') {
                kind = if kind == Kind::Suffix { Kind::Equal } else { Kind::Prefix };
                text = rest;
            }
            if text.is_empty() {
                continue;
            }
            if new_group {
                groups.push(std::mem::take(&mut group));
            }
            group.push(Term { kind, inverse, text: fold.apply(text), fold });
            new_group = true;
        }
        if !group.is_empty() {
            groups.push(group);
        }
        Pattern { groups }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(query: &str) -> Vec<Vec<(Kind, bool, String)>> {
        Pattern::parse(query)
            .groups
            .into_iter()
            .map(|g| g.into_iter().map(|t| (t.kind, t.inverse, t.text)).collect())
            .collect()
    }

    fn one(kind: Kind, inverse: bool, text: &str) -> Vec<(Kind, bool, String)> {
        vec![(kind, inverse, text.to_string())]
    }

    #[test]
    fn every_operator() {
        assert_eq!(terms("flask"), [one(Kind::Fuzzy, false, "flask")]);
        assert_eq!(terms("'wild"), [one(Kind::Exact, false, "wild")]);
        assert_eq!(terms("^music"), [one(Kind::Prefix, false, "music")]);
        assert_eq!(terms(".mp3$"), [one(Kind::Suffix, false, ".mp3")]);
        assert_eq!(terms("^exact$"), [one(Kind::Equal, false, "exact")]);
        assert_eq!(terms("!fire"), [one(Kind::Exact, true, "fire")]);
        assert_eq!(terms("!^music"), [one(Kind::Prefix, true, "music")]);
        assert_eq!(terms("!.mp3$"), [one(Kind::Suffix, true, ".mp3")]);
        assert_eq!(terms("!'fuzzy"), [one(Kind::Fuzzy, true, "fuzzy")]);
    }

    #[test]
    fn spaces_and_bars_group_terms() {
        let or = vec![(Kind::Prefix, false, "core".into()), (Kind::Suffix, false, "rb".into())];
        assert_eq!(terms("  ^core | rb$  go "), [or, one(Kind::Fuzzy, false, "go")]);
        assert_eq!(
            terms("| a"),
            [one(Kind::Fuzzy, false, "|"), one(Kind::Fuzzy, false, "a")],
            "a leading bar is a term"
        );
        assert_eq!(terms("a\\ b"), [one(Kind::Fuzzy, false, "a b")], "an escaped space joins");
    }

    #[test]
    fn bare_operators_are_dropped_and_dollar_alone_is_a_term() {
        assert!(Pattern::parse("! ' ^").groups.is_empty());
        assert_eq!(terms("$"), [one(Kind::Fuzzy, false, "$")]);
    }

    #[test]
    fn smart_case_is_per_term() {
        let p = Pattern::parse("Django flask");
        assert!(!p.groups[0][0].fold.case && p.groups[0][0].text == "Django");
        assert!(p.groups[1][0].fold.case);
        assert_eq!(Pattern::parse("ÉCOLE").groups[0][0].text, "ÉCOLE");
        assert_eq!(Pattern::parse("école").groups[0][0].text, "école");
    }
}
