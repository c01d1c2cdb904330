"""The lessons' matplotlib charts, one module a lesson.

Each function takes data computed elsewhere, draws on an ``Axes`` (a new one if
none is given) and returns it; each chart's figures are also available as a table.
"""
