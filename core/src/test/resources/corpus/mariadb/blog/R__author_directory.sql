CREATE OR REPLACE VIEW author_directory AS
SELECT handle, display_name FROM author ORDER BY display_name;
