CREATE TABLE post (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    author_id BIGINT NOT NULL,
    slug VARCHAR(200) NOT NULL,
    title VARCHAR(200) NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    status VARCHAR(12) NOT NULL DEFAULT 'draft',
    published_at DATETIME NULL,
    updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE KEY post_slug_uk (slug),
    FULLTEXT KEY post_search_ft (title, body),
    CONSTRAINT post_author_fk FOREIGN KEY (author_id) REFERENCES author (id)
) ENGINE=InnoDB;
