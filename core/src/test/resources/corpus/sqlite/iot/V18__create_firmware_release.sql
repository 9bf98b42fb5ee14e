CREATE TABLE firmware_release (
    version TEXT PRIMARY KEY,
    released_on TEXT NOT NULL,
    notes TEXT
) STRICT, WITHOUT ROWID;
