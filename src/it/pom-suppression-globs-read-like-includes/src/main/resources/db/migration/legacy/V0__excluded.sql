DELETE FROM everything;
