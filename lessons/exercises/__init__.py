"""The exercises of each lesson, one module a lesson; importing a module registers its exercises.

See :mod:`lessons.checks` for how checks work.
"""
