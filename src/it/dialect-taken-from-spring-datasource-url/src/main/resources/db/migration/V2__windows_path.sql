UPDATE notes SET body = 'C:\Users\'; DELETE FROM notes; -- was a path' WHERE id = 1;
