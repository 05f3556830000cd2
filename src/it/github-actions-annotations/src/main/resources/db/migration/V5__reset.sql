-- Nightly cleanup
UPDATE accounts SET balance = 0;
