CREATE TABLE meal (
    id INTEGER NOT NULL PRIMARY KEY,
    host_id INTEGER NOT NULL,
    title VARCHAR(100) NOT NULL,
    FOREIGN KEY (host_id) REFERENCES person (id)
);
