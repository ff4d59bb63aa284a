"""The NLP stage: article text in, :class:`showgraph.facts.ArticleFacts` out. Knows nothing of RDF."""
