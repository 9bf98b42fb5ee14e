DROP TABLE reading_hourly;
