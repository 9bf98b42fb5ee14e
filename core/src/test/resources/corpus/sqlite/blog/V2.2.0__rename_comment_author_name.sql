ALTER TABLE comment RENAME COLUMN author_name TO commenter_name;
