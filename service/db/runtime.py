"""Which PostgreSQL to use: DATABASE_URL when set, otherwise the embedded server."""

from __future__ import annotations

from dataclasses import dataclass

from service.config import Settings
from service.db.embedded import EmbeddedServer, start_embedded


@dataclass
class Database:
    dsn: str
    embedded: EmbeddedServer | None = None

    def close(self) -> None:
        """Stops the embedded server, if this process started it; a DATABASE_URL is left alone."""
        if self.embedded is not None:
            self.embedded.stop()
            self.embedded = None


def open_database(settings: Settings) -> Database:
    """Blocking: may initialise and start the embedded cluster (about a second)."""
    if settings.dsn:
        return Database(dsn=settings.dsn)
    server = start_embedded(settings.factdesk_data_dir)
    return Database(dsn=server.uri(), embedded=server)
