CREATE VIEW published_post AS
SELECT p.id, p.slug, p.title, p.excerpt, p.published_at
FROM post p WHERE p.status = 'published';
