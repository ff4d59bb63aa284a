"""showgraph: a knowledge graph of TV production facts, read from news articles."""

__version__ = "0.1.0"

from showgraph.core import ArticleOutcome, Extraction, Failure, LoadReport, ShowGraph
from showgraph.errors import ShowgraphError
from showgraph.facts import ArticleFacts, Evidence, Fact
from showgraph.readers import Article, read_articles

__all__ = [
    "Article",
    "ArticleFacts",
    "ArticleOutcome",
    "Evidence",
    "Extraction",
    "Fact",
    "Failure",
    "LoadReport",
    "ShowGraph",
    "ShowgraphError",
    "read_articles",
]
