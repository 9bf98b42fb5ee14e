-- Release 2.0, data only: before meal_guest existed, the only people known to
-- have been at a meal are the ones who paid for it.
INSERT INTO meal_guest (meal_id, person_id)
SELECT DISTINCT e.meal_id, e.paid_by
FROM expense e
WHERE NOT EXISTS (
    SELECT 1 FROM meal_guest g WHERE g.meal_id = e.meal_id AND g.person_id = e.paid_by
);
