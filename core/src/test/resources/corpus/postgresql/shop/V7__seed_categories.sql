INSERT INTO category (id, name, parent_id) VALUES (1, 'Books', NULL), (2, 'Music', NULL), (3, 'Vinyl', 2);
