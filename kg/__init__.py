"""filmkg: a knowledge graph of films and remakes, built from what people write about films.

The public API: the stages (``read_reviews`` -> ``extract`` -> ``link`` ->
``emit``), the whole pipeline (``build``), reading and writing graphs, and
the data model they exchange.
"""

from __future__ import annotations

from kg.emit import emit
from kg.errors import CatalogError, EndpointError, GraphError, InputError, KgError, QueryError
from kg.extract import extract
from kg.link import Catalog, link
from kg.model import (
    Candidate,
    Comparison,
    Credit,
    Entity,
    Extraction,
    Film,
    InputProblem,
    Link,
    Links,
    Mention,
    MentionKind,
    Opinion,
    Person,
    Polarity,
    Rating,
    Relation,
    RelationKind,
    Review,
    Role,
    Verdict,
)
from kg.shacl import validate
from kg.store import read_graph, serialize_graph, write_graph

__version__ = "0.1.0"

__all__ = [
    "Candidate",
    "Catalog",
    "CatalogError",
    "Comparison",
    "Credit",
    "EndpointError",
    "Entity",
    "Extraction",
    "Film",
    "GraphError",
    "InputError",
    "InputProblem",
    "KgError",
    "Link",
    "Links",
    "Mention",
    "MentionKind",
    "Opinion",
    "Person",
    "Polarity",
    "QueryError",
    "Rating",
    "Relation",
    "RelationKind",
    "Review",
    "Role",
    "Verdict",
    "__version__",
    "emit",
    "extract",
    "link",
    "read_graph",
    "serialize_graph",
    "validate",
    "write_graph",
]
