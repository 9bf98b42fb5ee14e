CREATE TRIGGER post_touch_updated_at BEFORE UPDATE ON post
    FOR EACH ROW SET NEW.updated_at = NOW();
