CREATE TABLE gift_card (
    code VARCHAR(30) PRIMARY KEY,
    balance_cents INTEGER NOT NULL,
    issued_at timestamptz NOT NULL DEFAULT now()
);
