-- Calendar queries filter on a time window across rooms first.
-- The foreign key needs an index that starts with room_id: keep one, or InnoDB refuses the drop (error 1553).
ALTER TABLE booking
    ADD INDEX booking_room_idx (room_id),
    DROP INDEX booking_room_time_idx,
    ADD INDEX booking_room_time_idx (starts_at, room_id),
    ALGORITHM=INPLACE, LOCK=NONE;
