DROP VIEW published_post;
CREATE VIEW published_post AS
SELECT p.id, p.slug, p.title, p.excerpt, p.published_at, a.display_name AS author
FROM post p JOIN author a ON a.id = p.author_id WHERE p.status = 'published';
