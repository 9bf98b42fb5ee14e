CREATE TABLE newsletter_subscription (
    email VARCHAR(255) PRIMARY KEY,
    subscribed_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
