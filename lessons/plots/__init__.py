"""The lessons' matplotlib charts, one module a lesson.

Each function takes data computed elsewhere and draws on an ``Axes``: the ``ax``
given, else a new one on ``figure``, else on a new figure; each chart's figures
are also available as a table or a sentence. Kinds' colours, markers and plain
words come from :mod:`lessons.kinds`. Charts use matplotlib's constrained layout,
so no label is cut off at the figure's edge (``tests/test_plots_layout.py`` checks).
"""

from __future__ import annotations


def axes(ax=None, figure=None, size: tuple[float, float] = (8, 4)):
    """The ``Axes`` to draw on: ``ax``, else a new one on ``figure``, else on a new figure of ``size`` inches.

    >>> axes(size=(3, 2)).figure.get_size_inches().tolist()
    [3.0, 2.0]
    """
    if ax is not None:
        return ax
    if figure is None:
        import matplotlib.pyplot as plt

        figure = plt.figure(figsize=size, layout="constrained")
    return figure.add_subplot()


def fit(ax) -> None:
    """Make room for every label on a figure without constrained layout (one the caller made)."""
    if ax.figure.get_layout_engine() is None:
        ax.figure.tight_layout()
