"""Running an NLTK chunk grammar over many short stretches of text, as NLTK does, only quicker.

``nltk.RegexpParser`` writes the tags of a sentence as one string, ``<CD><JJ><NNS>``,
and each rule of the grammar rewrites that string with a regular expression,
putting braces around what it chunks: ``{<CD><JJ><NNS>}``. A grammar with two
labels runs in two stages, one a label; each stage reads the string back into a
tree. After each stage NLTK re-reads the whole string to check it is still well
formed (``ChunkString(..., debug_level=1)``): a guard for rule classes written by
hand, which could break the string. The grammars here are read by NLTK's own
grammar reader into NLTK's own rule classes, which keep the string well formed,
so :func:`parse` leaves that check out. The trees are the same
(``tests/test_chunking.py`` compares them on news text), and the actor and
number finders, which chunk every sentence, save about a third of their parsing time
(``benchmarks/pipeline.py``).

>>> import nltk
>>> grammar = nltk.RegexpParser("AMOUNT: {<CD>+}")
>>> parse(grammar, [("69", "CD"), ("attacks", "NNS")])
Tree('S', [Tree('AMOUNT', [('69', 'CD')]), ('attacks', 'NNS')])
"""

from __future__ import annotations

from collections.abc import Sequence


def parse(parser, tagged: Sequence[tuple[object, str]]):
    """The chunk tree ``parser.parse(tagged)`` gives, built without NLTK's check of each stage's string.

    ``parser`` is an ``nltk.RegexpParser``; ``tagged`` holds ``(word, tag)`` pairs.
    """
    from nltk.chunk.regexp import ChunkString
    from nltk.tree import Tree

    tree = Tree("S", list(tagged))
    if not tagged:
        return tree
    # RegexpParser keeps its stages (one RegexpChunkParser a label) in _stages; NLTK has no public accessor.
    for _ in range(parser._loop):
        for stage in parser._stages:
            chunk_string = ChunkString(tree, debug_level=0)
            for rule in stage.rules():
                rule.apply(chunk_string)
            tree = chunk_string.to_chunkstruct(stage._chunk_label)
    return tree
