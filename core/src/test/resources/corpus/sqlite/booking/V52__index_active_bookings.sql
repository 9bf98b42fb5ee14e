CREATE INDEX booking_active_room_idx ON booking (room_id) WHERE status <> 'cancelled';
