UPDATE post SET excerpt = SUBSTR(body, 1, 280) WHERE excerpt IS NULL;
