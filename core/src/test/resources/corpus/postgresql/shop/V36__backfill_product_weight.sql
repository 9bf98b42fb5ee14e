UPDATE product SET weight_grams = 500 WHERE weight_grams IS NULL;
