"""Solutions to lesson 2 (``notebooks/02_tagging.ipynb``): the full source of each solved cell."""

SOLUTIONS = {
    "2.1": '''# Exercise 2.1: how many tokens does the tagger tag NNP?
proper_noun_count = sum(1 for token in lessons.tag(article.text) if token.tag == "NNP")
check("2.1", proper_noun_count)''',
    "2.2": '''# Exercise 2.2: which Penn tag does "Beijing" get here?
sentence = "We expect Beijing to use its influence on Moscow."
beijing_tag = next(token.tag for token in lessons.tag(sentence) if token.text == "Beijing")
check("2.2", beijing_tag)''',
    "2.3": '''# Exercise 2.3: the words that got more than one Penn tag, sorted
words_with_several_tags = sorted(entry.word for entry in lessons.words_with_several_tags(article.text))
check("2.3", words_with_several_tags)''',
    "2.4": '''# Exercise 2.4: a unigram tagger with a default backoff, scored on held-out sentences
training, test = treebank_split()
my_unigram = UnigramTagger(training, backoff=DefaultTagger("NN"))
unigram_accuracy = my_unigram.accuracy(test)
check("2.4", unigram_accuracy)''',
    "2.5": '''# Exercise 2.5: the feature that pulls Beijing hardest towards NNP
from lessons.exercises.tagging import BEIJING_WORDS
from lessons.tagging import perceptron_features

decision = perceptron_features(list(BEIJING_WORDS), 2)
strongest = max(decision.features, key=lambda f: f.weight("NNP") - f.weight("VBG"))
strongest_feature = strongest.feature
check("2.5", strongest_feature)''',
}
