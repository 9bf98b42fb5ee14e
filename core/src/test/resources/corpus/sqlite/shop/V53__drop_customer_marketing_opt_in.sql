ALTER TABLE customer DROP COLUMN marketing_opt_in;
