DROP TABLE wishlist;
