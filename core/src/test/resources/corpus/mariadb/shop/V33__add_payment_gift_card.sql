ALTER TABLE payment
    ADD COLUMN gift_card_code VARCHAR(30) NULL,
    ADD CONSTRAINT payment_gift_card_fk FOREIGN KEY (gift_card_code) REFERENCES gift_card (code);
