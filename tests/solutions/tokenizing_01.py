"""Solutions to lesson 1 (``notebooks/01_tokenizing.ipynb``): the full source of each solved cell."""

SOLUTIONS = {
    "1.1": '''# Exercise 1.1: split the headline at white space.
headline_tokens = article.title.text.split()
check("1.1", headline_tokens)''',
    "1.2": '''# Exercise 1.2: how many sentences?
sentence_count = len(lessons.sentences(article.text))
check("1.2", sentence_count)''',
    "1.3": '''# Exercise 1.3: the span of 4½.
four_and_a_half = next(token for token in lessons.tokenize(article.text) if token.text == "4½")
span = (four_and_a_half.start, four_and_a_half.end)
check("1.3", span)''',
    "1.4": '''# Exercise 1.4: the five most frequent words, without stopwords.
top_five = [count.word for count in lessons.word_frequencies(article.text, drop_stopwords=True)[:5]]
check("1.4", top_five)''',
    "1.5": r'''# Exercise 1.5: a regular expression that tokenizes like lessons.tokenize.
pattern = r"(?:[A-Z]\.)+|'s\b|\w+(?:-\w+)*|[^\w\s]"
check("1.5", pattern)''',
    "1.6": '''# Exercise 1.6: distinct words and distinct Porter stems.
rows = lessons.stemming.compare_stemmers(article.text)
counts = (len(rows), len({row.porter for row in rows}))
check("1.6", counts)''',
}
