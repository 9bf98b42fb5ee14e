UPDATE post SET excerpt = SUBSTRING(body, 1, 280) WHERE excerpt IS NULL;
