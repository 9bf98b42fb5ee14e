CREATE INDEX app_user_email_idx ON app_user (email);
