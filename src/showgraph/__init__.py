"""showgraph: a knowledge graph of TV production facts, read from news articles."""

__version__ = "0.1.0"
