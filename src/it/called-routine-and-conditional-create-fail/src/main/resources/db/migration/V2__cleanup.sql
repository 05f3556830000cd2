CREATE FUNCTION tmp_fix() RETURNS void AS $$
BEGIN
  DELETE FROM order_lines;
END;
$$ LANGUAGE plpgsql;
SELECT tmp_fix();
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'payments') THEN
    CREATE TABLE payments (id int PRIMARY KEY);
  END IF;
END $$;
DELETE FROM payments;
