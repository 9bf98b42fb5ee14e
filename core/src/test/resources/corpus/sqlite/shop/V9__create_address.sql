CREATE TABLE address (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    line1 VARCHAR(200) NOT NULL,
    city VARCHAR(100) NOT NULL,
    postcode VARCHAR(20),
    country CHAR(2) NOT NULL
);
CREATE INDEX address_customer_idx ON address (customer_id);
