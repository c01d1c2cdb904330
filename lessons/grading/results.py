"""The results of grading: one row per exercise, a grade per notebook, every text capped.

>>> row = ExerciseResult("1.1", False, "error", "x" * 5000)
>>> len(row.feedback) <= MAX_FIELD
True
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

MAX_FIELD = 1_000  # characters of one feedback or note, in every file the grader writes
MAX_NOTES = 20


def cap(text: object, limit: int = MAX_FIELD) -> str:
    """``text`` as a string of at most ``limit`` characters, saying when it was cut."""
    text = str(text)
    return text if len(text) <= limit else text[:limit - 40] + f" [... {len(text) - limit + 40:,} more characters]"


@dataclass(frozen=True)
class ExerciseResult:
    """One exercise's row: did it pass, its status, and feedback a student can act on."""

    id: str
    passed: bool
    status: str
    feedback: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "feedback", cap(self.feedback))


@dataclass(frozen=True)
class Grade:
    """The grade of one notebook: a row per exercise of its lesson, and notes about the notebook."""

    notebook: str
    lesson: str
    exercises: tuple[ExerciseResult, ...]
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "notes", tuple(cap(note) for note in self.notes[:MAX_NOTES]))

    @property
    def passed(self) -> int:
        return sum(result.passed for result in self.exercises)

    def __str__(self) -> str:
        lines = [f"{self.notebook}: {self.passed}/{len(self.exercises)} exercises passed ({self.lesson})"]
        lines += [f"  {result.id:<6} {result.status:<14} {cap(result.feedback, 300)}" for result in self.exercises]
        lines += [f"  note: {cap(note, 300)}" for note in self.notes]
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {"notebook": self.notebook, "lesson": self.lesson, "passed": self.passed,
                "total": len(self.exercises), "notes": list(self.notes),
                "exercises": [asdict(result) for result in self.exercises]}

    @classmethod
    def from_dict(cls, data: dict) -> Grade:
        return cls(data["notebook"], data["lesson"], tuple(ExerciseResult(**row) for row in data["exercises"]),
                   tuple(data["notes"]))
