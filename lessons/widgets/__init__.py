"""The lessons' explorer widgets, one module a lesson.

Widgets only wire controls to the pure functions of the other modules and show
what the formatters in :mod:`lessons.highlight` and :mod:`lessons.plots` return,
so every piece can be tested without a browser.
"""
