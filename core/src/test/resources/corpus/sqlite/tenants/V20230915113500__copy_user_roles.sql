INSERT INTO membership (user_id, role) SELECT id, role FROM app_user;
