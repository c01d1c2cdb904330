"""Helpers for the news-nlp-lessons notebooks: NLP with NLTK on a real news article.

Importing ``lessons`` is cheap: NLTK and its models load on first use, and
nothing here touches the network. Each name below is documented in its module,
and each module names the lesson that explains it.

>>> import lessons
>>> [token.text for token in lessons.tokenize("U.S. aid")]
['U.S.', 'aid']
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# Public name -> module that defines it. Modules are imported on first use (PEP 562),
# so `import lessons` does not load NLTK, matplotlib or ipywidgets.
_EXPORTS = {
    "Article": "lessons.article",
    "Passage": "lessons.article",
    "ArticleError": "lessons.article",
    "load_article": "lessons.article",
    "parse_article": "lessons.article",
    "clear_caches": "lessons.caching",
    "MissingResourceError": "lessons.data",
    "require": "lessons.data",
    "Sentence": "lessons.tokens",
    "Token": "lessons.tokens",
    "sentences": "lessons.tokens",
    "tokenize": "lessons.tokens",
    "tokens_by_sentence": "lessons.tokens",
    "compare_tokenizers": "lessons.tokens",
    "run_tokenizer": "lessons.tokens",
    "word_frequencies": "lessons.tokens",
    "WordCount": "lessons.tokens",
    "TokenExplorer": "lessons.widgets.tokens",
    "check": "lessons.checks",
    "hint": "lessons.checks",
    "TaggedToken": "lessons.tagging",
    "tag": "lessons.tagging",
    "tags_by_sentence": "lessons.tagging",
    "tagger_words": "lessons.tagging",
    "TagExplanation": "lessons.tagging",
    "explain": "lessons.tagging",
    "TagCount": "lessons.tagging",
    "tag_counts": "lessons.tagging",
    "words_for_tag": "lessons.tagging",
    "WordTags": "lessons.tagging",
    "words_with_several_tags": "lessons.tagging",
    "Quantity": "lessons.quantities",
    "extract_quantities": "lessons.quantities",
    "TimeExpression": "lessons.dates",
    "extract_times": "lessons.dates",
    "explain_times": "lessons.dates",
    "Actor": "lessons.actors",
    "Mention": "lessons.actors",
    "Quote": "lessons.actors",
    "extract_actors": "lessons.actors",
    "quotes": "lessons.actors",
    "actor_network": "lessons.actors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'lessons' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
