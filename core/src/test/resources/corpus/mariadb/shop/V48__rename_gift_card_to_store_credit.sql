RENAME TABLE gift_card TO store_credit;
