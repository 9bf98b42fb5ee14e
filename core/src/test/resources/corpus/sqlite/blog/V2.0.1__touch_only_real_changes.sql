DROP TRIGGER post_touch_updated_at;
CREATE TRIGGER post_touch_updated_at AFTER UPDATE OF title, body, status, excerpt ON post
    WHEN OLD.updated_at IS NEW.updated_at
BEGIN
    UPDATE post SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
