CREATE TABLE membership (
    user_id bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role)
);
