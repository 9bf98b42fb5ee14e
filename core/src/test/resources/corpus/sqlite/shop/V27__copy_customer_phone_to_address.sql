UPDATE address SET phone = (SELECT c.phone FROM customer c WHERE c.id = address.customer_id) WHERE phone IS NULL;
