UPDATE address a JOIN customer c ON c.id = a.customer_id SET a.phone = c.phone WHERE a.phone IS NULL;
