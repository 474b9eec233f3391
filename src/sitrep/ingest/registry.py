"""The reader registry: one reader per format, registered by name, chosen by content and extension.

A :class:`Reader` is a plain record of four things: its ``name``, the file ``extensions`` it usually
has, a ``sniff`` function that scores the first bytes of a (decompressed) input between 0 (not this
format) and 1 (certainly this format), and a ``read`` function that turns a binary stream into
articles and rejections. Each reader module defines one ``READER``; :func:`default_registry` collects
the built-in ones on first use. A :class:`Registry` is immutable; ``with_reader`` returns a new one,
so callers can add a format without touching global state.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import BinaryIO

from ..errors import ConfigError
from ..models import Article, Rejection
from .options import ReadOptions

ReadFunction = Callable[[BinaryIO, str, ReadOptions], Iterator[Article | Rejection]]

# Built-in reader modules inside sitrep.ingest.readers, in tie-break order.
BUILTIN_MODULES = ("warc", "feed", "html", "jsonl", "csv_reader", "text")

# An extension match adds this much to a reader's sniff score.
EXTENSION_BONUS = 0.3


@dataclass(frozen=True, slots=True)
class Reader:
    name: str
    extensions: tuple[str, ...]
    sniff: Callable[[bytes], float]
    read: ReadFunction
    description: str = ""


@dataclass(frozen=True, slots=True)
class Registry:
    readers: Mapping[str, Reader]

    def get(self, name: str) -> Reader:
        try:
            return self.readers[name]
        except KeyError:
            known = ", ".join(sorted(self.readers))
            raise ConfigError(f"unknown reader {name!r}; known readers: {known}") from None

    def with_reader(self, reader: Reader) -> Registry:
        return Registry(MappingProxyType({**self.readers, reader.name: reader}))

    def choose(self, head: bytes, extension: str) -> Reader | None:
        """The reader whose sniff score plus extension bonus is highest; None if every score is 0."""
        best: Reader | None = None
        best_score = 0.0
        for reader in self.readers.values():
            score = reader.sniff(head)
            if extension and extension in reader.extensions:
                score += EXTENSION_BONUS
            if score > best_score:
                best, best_score = reader, score
        return best


@cache
def default_registry() -> Registry:
    readers: dict[str, Reader] = {}
    for module_name in BUILTIN_MODULES:
        module = importlib.import_module(f"{__package__}.readers.{module_name}")
        reader: Reader = module.READER
        readers[reader.name] = reader
    return Registry(MappingProxyType(readers))
