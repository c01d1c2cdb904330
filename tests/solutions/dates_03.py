"""Instructor's solutions for the dates section of ``notebooks/03_numbers.ipynb`` ("When? Dates and times")."""

SOLUTIONS = {
    "3.9": '''from lessons.exercises.dates import STORY_DAYS

def last_month(day):
    year, month = day.year, day.month - 1
    if month == 0:
        year, month = year - 1, 12
    return f"{year:04d}-{month:02d}"

last_months = [last_month(day) for day in STORY_DAYS]
check("3.9", last_months)''',
}
