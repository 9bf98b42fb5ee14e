CREATE SEQUENCE booking_reference_seq START WITH 1000 INCREMENT BY 1;
ALTER TABLE booking ADD COLUMN reference bigint NOT NULL DEFAULT nextval('booking_reference_seq');
