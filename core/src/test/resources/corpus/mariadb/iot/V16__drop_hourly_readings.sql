DROP VIEW reading_hourly;
