CREATE SCHEMA util;
CREATE FUNCTION util.slugify(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT trim(both '-' from regexp_replace(lower(value), '[^a-z0-9]+', '-', 'g'))
$$;
