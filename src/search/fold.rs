//! Case and accent folding, one character to one character, so that folded
//! and original text line up character for character (highlights found in
//! the folded form land on the same characters of the original).
//!
//! Lowercasing follows Unicode's simple mapping in every script (as fzf does
//! with Go's `unicode.ToLower`): `É` → `é`, `П` → `п`, `İ` → `i`. Accent
//! stripping (`é` → `e`) is done only for Latin letters, and only when the
//! search term has no accented letter itself, as fzf does: typing `ecole`
//! finds "École", typing `école` asks for the accent.

/// `c` lowercased (the first character of its lowercase form).
pub(crate) fn lower(c: char) -> char {
    if c.is_ascii() { c.to_ascii_lowercase() } else { c.to_lowercase().next().unwrap_or(c) }
}

/// `c` without its accent, for Latin letters (the base of its canonical
/// decomposition); any other character as it is.
pub(crate) fn unaccent(c: char) -> char {
    let latin = matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}');
    if !latin {
        return c;
    }
    let mut base = None;
    unicode_normalization::char::decompose_canonical(c, |d| {
        base.get_or_insert(d);
    });
    base.filter(char::is_ascii_alphabetic).unwrap_or(c)
}

/// How a term compares characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fold {
    /// Compare lowercased characters (the term has no uppercase letter).
    pub case: bool,
    /// Compare Latin letters without their accents (the term has none).
    pub accents: bool,
}

impl Fold {
    /// fzf's rules for a term as typed: smart case (an uppercase letter makes
    /// it case-sensitive) and accent folding unless the term has an accent.
    pub(crate) fn for_term(term: &str) -> Fold {
        let case = !term.chars().any(char::is_uppercase);
        let accents = term.chars().all(|c| unaccent(lower(c)) == lower(c));
        Fold { case, accents }
    }

    pub(crate) fn char(self, c: char) -> char {
        let c = if self.case { lower(c) } else { c };
        if self.accents { unaccent(c) } else { c }
    }

    /// Whether folding can change `text` (false for ASCII under an
    /// accents-only fold, or when nothing is folded).
    pub(crate) fn changes(self, text: &str) -> bool {
        if self.case {
            text.bytes().any(|b| b.is_ascii_uppercase()) || !text.is_ascii()
        } else {
            self.accents && !text.is_ascii()
        }
    }

    /// `text` folded into `out` (cleared first).
    pub(crate) fn into(self, text: &str, out: &mut String) {
        out.clear();
        out.extend(text.chars().map(|c| self.char(c)));
    }

    /// `text` folded.
    pub(crate) fn apply(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.into(text, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_in_every_script_one_character_each() {
        assert_eq!(Fold::for_term("école").apply("École ÜBER Привет İstanbul"), "école über привет istanbul");
        let text = "ÉCOLE Ǆ";
        assert_eq!(Fold::for_term("x").apply(text).chars().count(), text.chars().count());
    }

    #[test]
    fn accents_fold_only_when_the_term_has_none() {
        assert_eq!(Fold::for_term("ecole").apply("École"), "ecole");
        assert_eq!(Fold::for_term("école").apply("École Ecole"), "école ecole");
        assert_eq!(Fold::for_term("privet").apply("Привет"), "привет", "only Latin letters lose accents");
    }

    #[test]
    fn an_uppercase_letter_makes_a_term_case_sensitive() {
        assert!(!Fold::for_term("Über").case);
        assert!(!Fold::for_term("Привет").case);
        assert!(Fold::for_term("привет").case);
        assert_eq!(Fold::for_term("Django").apply("django Django"), "django Django");
    }
}
