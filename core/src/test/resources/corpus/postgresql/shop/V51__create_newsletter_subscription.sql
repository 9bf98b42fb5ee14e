CREATE TABLE newsletter_subscription (
    email VARCHAR(255) PRIMARY KEY,
    subscribed_at timestamptz NOT NULL DEFAULT now()
);
