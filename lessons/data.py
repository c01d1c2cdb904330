"""Which NLTK data the lessons need, where it is, and what to do when it is missing.

NLTK keeps its models and corpora outside the Python package, in ``nltk_data``
folders on a search path (``nltk.data.path``; the ``NLTK_DATA`` environment
variable adds folders to the front). This module is the one place that knows
which of those resources the lessons use. Nothing here touches the network
unless you call :func:`download`.

Lesson 1 (``01_tokenizing.ipynb``) explains the setup cell that calls
:func:`require`.

>>> [resource.name for resource in RESOURCES][:2]
['punkt_tab', 'averaged_perceptron_tagger_eng']
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DOWNLOAD_COMMAND = "python -m lessons data download"


@dataclass(frozen=True)
class Resource:
    """One NLTK data package: its download name, the path NLTK looks it up by, and its use.

    ``lessons`` are the lessons that use it; ``optional`` means they still run
    without it (they skip the part that needs it); a resource no lesson uses is
    only for the developers' benchmarks.
    """

    name: str
    lookup_path: str
    used_for: str
    lessons: tuple[int, ...] = ()
    optional: bool = False


# Lesson 5 brings every tool of lessons 1-4 to a new article, so it needs what they need,
# except the training corpus of lesson 2.
RESOURCES: tuple[Resource, ...] = (
    Resource("punkt_tab", "tokenizers/punkt_tab/english/", "splitting text into sentences", (1, 2, 3, 4, 5)),
    Resource("averaged_perceptron_tagger_eng", "taggers/averaged_perceptron_tagger_eng/",
             "part-of-speech tagging", (2, 3, 4, 5)),
    Resource("universal_tagset", "taggers/universal_tagset/", "mapping Penn tags to universal tags",
             (2, 3, 4, 5)),
    Resource("tagsets_json", "help/tagsets_json/", "explaining tags in plain words", (2, 3, 4, 5)),
    Resource("stopwords", "corpora/stopwords/", "word frequencies without stopwords", (1, 4, 5)),
    Resource("words", "corpora/words/", "checking whether a word is English", (1, 4, 5)),
    Resource("names", "corpora/names/", "recognising first names", (4, 5)),
    Resource("gazetteers", "corpora/gazetteers/", "recognising countries, states and cities", (4, 5)),
    Resource("treebank", "corpora/treebank/", "training and evaluating taggers", (2,)),
    Resource("ieer", "corpora/ieer/", "scoring the extractors against news marked up by hand", (3, 4)),
    Resource("maxent_ne_chunker_tab", "chunkers/maxent_ne_chunker_tab/english_ace_multiclass/",
             "comparing with NLTK's statistical named-entity chunker", (4,), optional=True),
    Resource("conll2000", "corpora/conll2000/", "evaluating chunk grammars (benchmarks only)"),
    Resource("state_union", "corpora/state_union/", "a large text for benchmarks (benchmarks only)"),
)

RESOURCES_BY_NAME = {resource.name: resource for resource in RESOURCES}


class MissingResourceError(LookupError):
    """An NLTK resource the lessons need is not installed.

    The message names the resource and both ways to fix it, so a student who
    meets it in a notebook knows what to do without reading a traceback.
    """

    def __init__(self, name: str):
        self.name = name
        resource = RESOURCES_BY_NAME.get(name)
        use = f" (used for {resource.used_for})" if resource else ""
        super().__init__(
            f"The NLTK resource '{name}'{use} is not installed.\n"
            f"Fix it in one of two ways:\n"
            f"  1. With internet access, run:  {DOWNLOAD_COMMAND}\n"
            f"  2. Offline, point NLTK_DATA at a folder that has it before starting Python or "
            f"Jupyter, e.g.  export NLTK_DATA=/path/to/nltk_data\n"
            f"NLTK looked in: {', '.join(search_path())}"
        )

    def _render_traceback_(self) -> list[str]:
        # IPython calls this instead of printing a traceback, so a notebook shows only the advice.
        return [f"MissingResourceError: {self}"]


def search_path() -> list[str]:
    """The folders NLTK searches for data, in order, as absolute paths."""
    import nltk

    return [os.path.abspath(folder) for folder in nltk.data.path if isinstance(folder, str)]


def find(name: str) -> Path | None:
    """Where resource ``name`` is installed, or ``None`` if NLTK cannot find it."""
    import nltk

    try:
        return Path(nltk.data.find(RESOURCES_BY_NAME[name].lookup_path))
    except LookupError:
        return None


def needed(lesson: int | None = None, optional: bool = False) -> list[str]:
    """The resources ``lesson`` needs (every lesson's, without a lesson); with ``optional``, those it can use.

    >>> needed(1)
    ['punkt_tab', 'stopwords', 'words']
    >>> "maxent_ne_chunker_tab" in needed(4), "maxent_ne_chunker_tab" in needed(4, optional=True)
    (False, True)
    """
    if lesson is not None and not any(lesson in resource.lessons for resource in RESOURCES):
        raise ValueError(f"There is no lesson {lesson!r}; the lessons are numbered 1 to 5.")
    return [resource.name for resource in RESOURCES
            if (resource.lessons if lesson is None else lesson in resource.lessons)
            and (optional or not resource.optional)]


def require(*names: str, lesson: int | None = None) -> None:
    """Raise :class:`MissingResourceError` for the first of ``names`` that is not installed.

    With ``lesson=N`` (a lesson's setup cell), require what lesson ``N`` needs;
    with neither, what any lesson needs. Optional resources are never required.

    >>> require("punkt_tab")   # silent when the data is there
    >>> require(lesson=1)
    """
    for name in names or needed(lesson):
        if name not in RESOURCES_BY_NAME:
            raise ValueError(f"Unknown resource {name!r}; known: {', '.join(RESOURCES_BY_NAME)}")
        if find(name) is None:
            raise MissingResourceError(name)


def missing(optional: bool = False) -> list[str]:
    """Names of the resources the lessons need (with ``optional``, can use) that are not installed."""
    return [name for name in needed(optional=optional) if find(name) is None]


def _status(resource: Resource, location: Path | None) -> str:
    if location:
        return f"ok       {location}"
    if not resource.lessons:
        return "missing  (only the benchmarks use it)"
    return f"missing  (optional: lesson {', '.join(map(str, resource.lessons))} skips {resource.used_for})" \
        if resource.optional else "MISSING"


def report() -> str:
    """A table of every resource, where it was found, or that it is missing (and whether that matters)."""
    lines = [f"{resource.name:<32} {_status(resource, find(resource.name))}" for resource in RESOURCES]
    gaps = missing(optional=True)
    if gaps:
        lines.append("")
        lines.append(str(MissingResourceError(gaps[0])).split("\n", 1)[1])
    return "\n".join(lines)


def download(download_dir: str | None = None) -> list[str]:
    """Download every resource any lesson can use that is missing; return the names still missing.

    This is the only function in the package that uses the network.
    """
    import nltk

    for name in missing(optional=True):
        nltk.download(name, download_dir=download_dir, quiet=True, raise_on_error=False)
    if download_dir and os.path.abspath(download_dir) not in search_path():
        nltk.data.path.insert(0, download_dir)
    return missing(optional=True)
