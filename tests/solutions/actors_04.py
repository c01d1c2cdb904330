"""Instructor's solutions for ``notebooks/04_actors.ipynb``."""

SOLUTIONS = {
    "4.1": """most_mentioned_name = lessons.extract_actors(article.text)[0].name
check("4.1", most_mentioned_name)""",
    "4.2": """sentence = "U.S. Secretary of State Antony Blinken said China feels no responsibility."
import nltk
tree = nltk.RegexpParser("NAME: {<NNP>+}").parse([(t.text, t.tag) for t in lessons.tag(sentence)])
name_chunks = [" ".join(word for word, _ in chunk.leaves()) for chunk in tree.subtrees(lambda t: t.label() == "NAME")]
check("4.2", name_chunks)""",
    "4.3": """putin = next(actor for actor in lessons.extract_actors(article.text) if actor.name == "Vladimir Putin")
putin_description_count = sum(mention.is_description for mention in putin.mentions)
check("4.3", putin_description_count)""",
    "4.4": """grave_crimes_speaker = next(q.speaker for q in lessons.quotes(article.text) if "grave crimes" in q.text)
check("4.4", grave_crimes_speaker)""",
    "4.5": """graph = lessons.actor_network(article.text)
closest_to_xi = max(graph["Xi Jinping"], key=lambda name: graph["Xi Jinping"][name]["weight"])
check("4.5", closest_to_xi)""",
    "4.6": """overlap = evaluation.evaluate(evaluation.ieer_documents(), lambda document: actors.found_spans(document.text),
                              kinds=["PERSON", "ORGANIZATION", "LOCATION"], match="overlap")
location_recall = round(overlap.score("LOCATION").recall, 2)
check("4.6", location_recall)""",
}
