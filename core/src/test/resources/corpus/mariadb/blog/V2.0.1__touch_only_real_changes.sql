-- ON UPDATE CURRENT_TIMESTAMP only fires when a value really changes, unlike the trigger.
DROP TRIGGER post_touch_updated_at;
ALTER TABLE post MODIFY updated_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP;
