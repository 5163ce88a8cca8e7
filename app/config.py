"""Settings from the environment (prefix OPINIONS_) or the command line."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_SEEDS = Path(__file__).resolve().parents[1] / "seeds"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OPINIONS_")

    database_url: str = "sqlite:///opinions.db"
    seeds_dir: Path | None = None  # default: ./seeds, else the project's seeds/
    taxonomy_path: Path | None = None  # default: <seeds>/topics.toml
    read_requires_key: bool = False  # reads need a key too (any scope)
    write_limit: str = "120/minute"  # writes per key ("limits" notation: "10/second", "1000/hour; 20/minute")
    max_document_bytes: int = 5 * 2**20  # the largest body POST /v1/documents takes (413 beyond)

    def seeds(self) -> Path:
        return self.seeds_dir or next((p for p in (Path("seeds"), PROJECT_SEEDS) if p.is_dir()), Path("seeds"))

    def taxonomy(self) -> Path:
        return self.taxonomy_path or next(
            (p for p in (self.seeds() / "topics.toml", PROJECT_SEEDS / "topics.toml") if p.is_file()),
            self.seeds() / "topics.toml",
        )


@lru_cache
def get_settings() -> Settings:
    return Settings()
