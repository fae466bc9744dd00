/**
 * Schema migrations, applied in order inside one transaction each; PRAGMA user_version records
 * how far a database file has come. Append new steps, never edit old ones.
 */
export const MIGRATIONS: ReadonlyArray<string> = [
  `
  CREATE TABLE communities (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL
  ) STRICT;

  CREATE TABLE service_evenings (
    community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    opens_at     TEXT NOT NULL,
    closes_at    TEXT NOT NULL,
    PRIMARY KEY (community_id, weekday)
  ) STRICT;

  CREATE TABLE services (
    community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('queue', 'booking', 'drop-in')),
    description  TEXT NOT NULL DEFAULT '',
    sort         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (community_id, id)
  ) STRICT;

  CREATE TABLE users (
    id         TEXT PRIMARY KEY,
    admin      INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1)),
    created_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE staff_memberships (
    user_id      TEXT NOT NULL REFERENCES users(id),
    community_id TEXT NOT NULL REFERENCES communities(id),
    created_at   TEXT NOT NULL,
    PRIMARY KEY (user_id, community_id)
  ) STRICT;

  CREATE TABLE invites (
    code         TEXT PRIMARY KEY,
    community_id TEXT NOT NULL REFERENCES communities(id),
    created_by   TEXT NOT NULL REFERENCES users(id),
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    used_by      TEXT REFERENCES users(id),
    used_at      TEXT
  ) STRICT;
  `,
];
