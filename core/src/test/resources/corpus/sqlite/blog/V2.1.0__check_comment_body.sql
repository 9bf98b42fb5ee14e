CREATE TABLE comment_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    post_id INTEGER NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    author_name VARCHAR(120) NOT NULL,
    body TEXT NOT NULL CHECK (LENGTH(body) > 0),
    approved BOOLEAN NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO comment_new SELECT id, post_id, author_name, body, approved, created_at FROM comment;
DROP TABLE comment;
ALTER TABLE comment_new RENAME TO comment;
CREATE INDEX comment_post_idx ON comment (post_id);
