DROP VIEW IF EXISTS author_directory;
CREATE VIEW author_directory AS
SELECT handle, display_name FROM author ORDER BY display_name;
