ALTER TABLE comment ADD CONSTRAINT comment_body_check CHECK (LENGTH(body) > 0);
