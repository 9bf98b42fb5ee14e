ALTER TABLE gift_card RENAME TO store_credit;
