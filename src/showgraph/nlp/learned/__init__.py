"""Trained components: a recogniser for what the small English model misses (titles, characters,
channels, awards) and a relation classifier over candidate pairs.

Both are trained with spaCy's own training system from the annotated corpus in ``corpus/annotated``
(``showgraph train``, or the ``spacy train`` calls it prints) and shipped in ``showgraph/models``.
:mod:`.candidates` turns a parsed sentence into the candidate pairs both training and reading use,
so the classifier sees at run time exactly the kind of input it was trained on.
"""
