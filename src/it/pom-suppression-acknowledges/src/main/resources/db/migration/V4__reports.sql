CREATE TABLE reports (id INT);
