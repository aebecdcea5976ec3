"""Settings: every path and limit the app uses, with its default and help, overridable by `EXPLORER_<NAME>`."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

# The project folder: app.py, pages/ and data/ sit here (Community Cloud runs the app from it).
ROOT = Path(__file__).resolve().parents[3]
ENV_PREFIX = "EXPLORER_"


def _setting(default: object, help: str) -> object:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """One value per setting; `Settings.from_env()` reads the environment over the defaults."""

    data_dir: Path = _setting(ROOT / "data", "folder of the CSV sources, the paper and the built database")
    db_file: str = _setting("explorer.duckdb", "file name of the built database inside the data folder")
    paper_file: str = _setting(
        "paper/shenzhen-digital-economy-2024.zh.txt", "the paper's text, relative to the data folder"
    )
    db_memory: str = _setting("512MB", "DuckDB memory limit of the app's own read-only connection")
    db_threads: int = _setting(1, "DuckDB threads of the app's connection (one per query keeps sessions fair)")
    sql_max_rows: int = _setting(1000, "rows a console query shows; enough to read any table whole")
    sql_timeout_s: float = _setting(3.0, "seconds a console query may run before its process is killed")
    sql_max_bytes: int = _setting(5_000_000, "bytes a console result may take; honest results are kilobytes")
    sql_memory_mb: int = _setting(
        128, "MiB a console query's process may allocate beyond its start-up size (an OS limit; data are ~10 MB)"
    )
    sql_max_concurrent: int = _setting(2, "console queries running at once across the server; more get 'busy'")
    sql_cache_mb: int = _setting(50, "MB of console answers kept for all readers (ten full-size results)")

    @property
    def db_path(self) -> Path:
        """Return the path of the built database."""
        return self.data_dir / self.db_file

    @property
    def paper_path(self) -> Path:
        """Return the path of the paper's text."""
        return self.data_dir / self.paper_file

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Return the defaults overridden by every `EXPLORER_<NAME>` variable; an unknown name raises ValueError."""
        environ = os.environ if environ is None else environ
        known = {f"{ENV_PREFIX}{item.name.upper()}": item for item in fields(cls)}
        unknown = sorted(name for name in environ if name.startswith(ENV_PREFIX) and name not in known)
        if unknown:
            raise ValueError(f"unknown setting(s) {unknown}; known: {sorted(known)}")
        values = {}
        for name, item in known.items():
            if name in environ:
                kind = type(item.default)
                try:
                    values[item.name] = Path(environ[name]) if isinstance(item.default, Path) else kind(environ[name])
                except ValueError as exc:
                    raise ValueError(f"{name}={environ[name]!r} is not a {kind.__name__}") from exc
        return cls(**values)


def describe() -> list[tuple[str, object, str]]:
    """Return (environment variable, default, help) of every setting."""
    return [
        (f"{ENV_PREFIX}{item.name.upper()}", item.default, item.metadata.get("help", "")) for item in fields(Settings)
    ]


def _shown(value: object) -> str:
    """Return a default as it is written in an environment variable (a project path relative to the project)."""
    if isinstance(value, Path) and value.is_relative_to(ROOT):
        return value.relative_to(ROOT).as_posix()
    return str(value)


def markdown() -> str:
    """Return every setting as a Markdown table: environment variable, default, what it sets."""
    rows = [f"| `{name}` | `{_shown(default)}` | {help} |" for name, default, help in describe()]
    return "\n".join(["| variable | default | what it sets |", "|---|---|---|", *rows])


def current() -> Settings:
    """Return the settings of this process (the environment read now over the defaults)."""
    return Settings.from_env()


DEFAULTS = Settings()

if __name__ == "__main__":
    print(markdown())
