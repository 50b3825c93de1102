"""Word lists the corpus-level steps share."""

from __future__ import annotations

#: English function words: they say nothing about what a statement or an article is about.
STOPWORDS = frozenset(
    (
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for",
        "with", "from", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its",
        "this", "that", "these", "those", "he", "she", "they", "we", "you", "i", "his", "her",
        "their", "our", "my", "me", "us", "them", "him", "not", "no", "so", "than", "then",
        "there", "here", "also", "just", "very", "would", "will", "shall", "should", "can",
        "could", "may", "might", "must", "do", "does", "did", "has", "have", "had", "into",
        "over", "under", "about", "after", "before", "while", "which", "who", "whom", "what",
        "when", "where", "why", "how", "all", "any", "some", "such", "only", "own", "same",
        "other", "more", "most", "again", "further", "once",
    )
)

#: Words of reporting that every news article uses, whatever its story.
REPORTING_WORDS = frozenset(("said", "says", "say", "told", "according", "one", "two", "new"))
