CREATE TRIGGER post_touch_updated_at AFTER UPDATE OF title, body, status ON post
BEGIN
    UPDATE post SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
