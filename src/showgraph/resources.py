"""Finding the ontology files, whether showgraph runs from a source checkout or an installed wheel.

The wheel force-includes the repository's ``ontology/`` folder as ``showgraph/ontology`` (see
pyproject.toml); a checkout has it at the repository root, two levels above this package.

>>> ontology_path("shapes.ttl").name
'shapes.ttl'
"""

from __future__ import annotations

from pathlib import Path

from showgraph.errors import ValidationSetupError

_PACKAGE_DIR = Path(__file__).resolve().parent


def ontology_dirs() -> list[Path]:
    """Where ontology files are looked for, in order: inside the installed package, then the checkout."""
    return [_PACKAGE_DIR / "ontology", _PACKAGE_DIR.parent.parent / "ontology"]


def ontology_path(name: str) -> Path:
    """The path of an ontology file (``showgraph.ttl``, ``shapes.ttl``, ...).

    Raises :class:`ValidationSetupError` naming every place looked at when the file is missing.
    """
    if not name or Path(name).name != name:
        raise ValidationSetupError(f"{name!r} is not an ontology file name; pass a bare name like 'shapes.ttl'")
    tried = []
    for folder in ontology_dirs():
        candidate = folder / name
        if candidate.is_file():
            return candidate
        tried.append(str(candidate))
    raise ValidationSetupError(
        f"ontology file {name!r} not found (looked at {', '.join(tried)}); reinstall showgraph, "
        "or run from a source checkout that has the ontology/ folder"
    )
