-- Rows release 1.1 users had recorded: three people, two meals, three expenses.
INSERT INTO person (id, name) VALUES ('8f0c3a52-5c1e-4c55-9d0e-000000000001', 'Alice');
INSERT INTO person (id, name) VALUES ('8f0c3a52-5c1e-4c55-9d0e-000000000002', 'Bob');
INSERT INTO person (id, name) VALUES ('8f0c3a52-5c1e-4c55-9d0e-000000000003', 'Chloe');

INSERT INTO meal (id, title, eaten_on) VALUES ('4b7d9e10-2a3f-4f6b-8c21-000000000001', 'Pizza night', '2024-03-01');
INSERT INTO meal (id, title, eaten_on) VALUES ('4b7d9e10-2a3f-4f6b-8c21-000000000002', 'Sunday brunch', '2024-03-03');

INSERT INTO expense (id, meal_id, paid_by, amount_cents, note)
VALUES ('c2e5f7a1-9b4d-4e8a-a6f3-000000000001', '4b7d9e10-2a3f-4f6b-8c21-000000000001', '8f0c3a52-5c1e-4c55-9d0e-000000000001', 4200, 'Two large pizzas');
INSERT INTO expense (id, meal_id, paid_by, amount_cents, note)
VALUES ('c2e5f7a1-9b4d-4e8a-a6f3-000000000002', '4b7d9e10-2a3f-4f6b-8c21-000000000001', '8f0c3a52-5c1e-4c55-9d0e-000000000002', 900, 'Drinks');
INSERT INTO expense (id, meal_id, paid_by, amount_cents, note)
VALUES ('c2e5f7a1-9b4d-4e8a-a6f3-000000000003', '4b7d9e10-2a3f-4f6b-8c21-000000000002', '8f0c3a52-5c1e-4c55-9d0e-000000000003', 3150, NULL);
