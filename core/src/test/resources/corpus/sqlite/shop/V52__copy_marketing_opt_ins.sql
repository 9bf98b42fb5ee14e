INSERT INTO newsletter_subscription (email)
SELECT email FROM customer WHERE marketing_opt_in = 1;
