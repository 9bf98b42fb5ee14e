RENAME TABLE usage_daily TO usage_day;
