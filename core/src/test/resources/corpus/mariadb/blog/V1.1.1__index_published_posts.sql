-- The front page lists the newest published posts first.
CREATE INDEX post_status_published_idx ON post (status, published_at DESC);
