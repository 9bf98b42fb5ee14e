ALTER TABLE comment ADD CONSTRAINT comment_body_check CHECK (CHAR_LENGTH(body) > 0);
