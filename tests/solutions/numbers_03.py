"""Instructor's solutions for ``notebooks/03_numbers.ipynb``: the full source of each solved exercise cell."""

SOLUTIONS = {
    "3.1": '''dollar_amounts = re.findall(r"\\$\\d+(?:\\.\\d+)?(?:m|bn|k| million| billion)?", article.text)
check("3.1", dollar_amounts)''',
    "3.2": '''parser = nltk.RegexpParser("COUNTED: {<CD>+<JJ>*<NN.*>+}")
counted_chunks = []
for sentence in lessons.sentences(article.text):
    tree = parser.parse([(t.text, t.tag) for t in lessons.tag(sentence.text)])
    for chunk in tree.subtrees(lambda t: t.label() == "COUNTED"):
        counted_chunks.append(" ".join(word for word, tag in chunk.leaves()))
check("3.2", counted_chunks)''',
    "3.3": '''from lessons.exercises.quantities import MONEY_SAMPLES

SCALE = {"": 1, "k": 1_000, "m": 1_000_000, "million": 1_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000}

def parse_money(amount):
    digits, scale = re.fullmatch(r"[$£€]([\\d.,]+)\\s*(\\w*)", amount).groups()
    return float(digits.replace(",", "")) * SCALE[scale]

money_values = [parse_money(amount) for amount in MONEY_SAMPLES]
check("3.3", money_values)''',
    "3.5": '''from lessons.quantities import sort_key

counts = [q for q in lessons.extract_quantities(article.text) if q.kind == "COUNT"]
largest_count = max(counts, key=sort_key).counted_head
check("3.5", largest_count)''',
    "3.4": '''from lessons.exercises.quantities import QUID_SENTENCE

wordlists.extend("currencies", {"quid": "GBP"})
quid_quantities = [(q.text, q.kind, q.value, q.unit) for q in lessons.extract_quantities(QUID_SENTENCE)]
check("3.4", quid_quantities)''',
    "3.6": '''my_sentence = "The city spent $2m, 5% more than before, on 40 new buses."
print([(q.text, q.kind) for q in lessons.extract_quantities(my_sentence)])
check("3.6", my_sentence)''',
    "3.7": '''from lessons.exercises.dates import STORY_DAYS

def last_month(day):
    year, month = day.year, day.month - 1
    if month == 0:
        year, month = year - 1, 12
    return f"{year:04d}-{month:02d}"

last_months = [last_month(day) for day in STORY_DAYS]
check("3.7", last_months)''',
}
