CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
CREATE TRIGGER post_touch_updated_at BEFORE UPDATE ON post
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
