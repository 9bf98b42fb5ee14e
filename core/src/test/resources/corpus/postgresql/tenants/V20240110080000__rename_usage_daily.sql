ALTER TABLE usage_daily RENAME TO usage_day;
