INSERT INTO saved_item (customer_id, product_id, list_name, added_at)
SELECT customer_id, product_id, 'wishlist', added_at FROM wishlist;
