//! The article cut up once for every detector: sentences, their tokens with a matching form,
//! direct quotes and quantities.

use crate::normalize::normalize_chars_into;
use crate::numbers::{quantities, Quantity};
use crate::segment::{self, is_arabic, Quote, Span, Token, TokenKind};

/// A token and its matching form.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Normalized for matching (harakat gone, letters folded, Latin lower case).
    pub norm: &'a str,
    /// Inside a direct quote: cues there are the speaker's words, not the article's.
    pub in_quote: bool,
    /// The original starts with an upper-case Latin letter.
    pub capital: bool,
    /// The claim word lists the word is in ([`super::claims::flag`]).
    pub flags: u32,
}

impl Word<'_> {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
    pub fn is_punct(&self) -> bool {
        !self.is_word()
    }
}

/// One sentence.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    pub span: Span,
    pub words: Vec<Word<'a>>,
    /// Mostly Arabic letters.
    pub arabic: bool,
}

/// The article's sentences cut into tokens, with every token's matching form in one buffer:
/// what [`Document`] borrows its words' forms from.
pub struct Tokens {
    sentences: Vec<(Span, Vec<Token>)>,
    /// The matching forms, one after the other.
    norms: String,
    /// Where each token's form ends in `norms`, in token order over all sentences.
    ends: Vec<usize>,
}

impl Tokens {
    pub fn new(text: &[char]) -> Self {
        let mut norms = String::with_capacity(text.len() * 2);
        let mut ends = Vec::new();
        let sentences = segment::sentences(text)
            .into_iter()
            .map(|span| {
                let tokens = segment::tokens(text, span);
                for t in &tokens {
                    normalize_chars_into(&text[t.start..t.end], &mut norms);
                    ends.push(norms.len());
                }
                (span, tokens)
            })
            .collect();
        Tokens {
            sentences,
            norms,
            ends,
        }
    }
}

/// The article, segmented.
pub struct Document<'a> {
    pub text: &'a [char],
    pub sentences: Vec<Sentence<'a>>,
    pub quotes: Vec<Quote>,
    pub quantities: Vec<Quantity>,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a [char], tokens: &'a Tokens) -> Self {
        let quotes = segment::quotes(text);
        // Which code points sit inside a direct quote, once for the whole text.
        let mut quoted = vec![false; text.len()];
        for q in &quotes {
            for flag in quoted.iter_mut().take(q.inner.end).skip(q.inner.start) {
                *flag = true;
            }
        }
        let inside = |at: usize| quoted.get(at).copied().unwrap_or(false);
        let mut ends = tokens.ends.iter().copied();
        let mut from = 0;
        let sentences = tokens
            .sentences
            .iter()
            .map(|&(span, ref toks)| {
                let words: Vec<Word> = toks
                    .iter()
                    .map(|t| {
                        let original = &text[t.start..t.end];
                        let to = ends.next().unwrap_or(from);
                        let norm = tokens.norms.get(from..to).unwrap_or("");
                        from = to;
                        Word {
                            start: t.start,
                            end: t.end,
                            kind: t.kind,
                            flags: super::claims::word_flags(norm)
                                | if matches!(original, ['إ' | 'أ', 'ل', ..])
                                    || original.contains(&'\u{64b}')
                                {
                                    super::claims::flag::INDEFINITE
                                } else {
                                    0
                                },
                            norm,
                            in_quote: inside(t.start),
                            capital: original.first().is_some_and(|c| c.is_uppercase()),
                        }
                    })
                    .collect();
                let slice = &text[span.start..span.end];
                let (mut arabic, mut latin) = (0usize, 0usize);
                for &c in slice {
                    if c.is_ascii_alphabetic() {
                        latin += 1;
                    } else if !c.is_ascii() && is_arabic(c) {
                        arabic += 1;
                    }
                }
                Sentence {
                    span,
                    words,
                    arabic: arabic >= latin,
                }
            })
            .collect();
        let quantities = quantities(text, 0, text.len());
        Document {
            text,
            sentences,
            quotes,
            quantities,
        }
    }

    /// The original text of a range.
    pub fn slice(&self, start: usize, end: usize) -> String {
        self.text[start.min(self.text.len())..end.min(self.text.len())]
            .iter()
            .collect()
    }

    /// Quantities inside a range.
    pub fn quantities_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Quantity> {
        // Quantities are in text order: skip to the first that can be inside.
        let first = self.quantities.partition_point(|q| q.start < start);
        self.quantities[first..]
            .iter()
            .take_while(move |q| q.start < end)
            .filter(move |q| q.end <= end)
    }
}
