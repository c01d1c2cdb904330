"""Solutions to lesson 5 (``notebooks/05_your_article.ipynb``): the full source of each solved cell."""

SOLUTIONS = {
    "5.1": '''text = dashboard.text
sentence_count = len(lessons.sentences(text))
check("5.1", sentence_count)''',
    "5.2": '''from collections import Counter

text = dashboard.text
tag_counts = Counter(token.universal for token in lessons.tag(text) if token.universal != ".")
commonest_tag = tag_counts.most_common(1)[0][0]
check("5.2", commonest_tag)''',
    "5.3": '''text = dashboard.text
money = [quantity.value for quantity in lessons.extract_quantities(text)
         if quantity.kind == "MONEY" and quantity.value is not None]
largest_money = max(money, default=0)
check("5.3", largest_money)''',
    "5.4": '''text = dashboard.text
most_mentioned = lessons.extract_actors(text)[0].name
check("5.4", most_mentioned)''',
    "5.5": '''text = dashboard.text
first_actor = lessons.extract_actors(text)[0].name
neighbour_count = len(list(lessons.actor_network(text).neighbors(first_actor)))
check("5.5", neighbour_count)''',
}
