ALTER TABLE payment ADD COLUMN gift_card_code VARCHAR(30) REFERENCES gift_card (code);
