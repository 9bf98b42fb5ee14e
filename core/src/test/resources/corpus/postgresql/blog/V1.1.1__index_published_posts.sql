CREATE INDEX post_status_published_idx ON post (status, published_at);
