package io.github.sqlguard.rehearse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seeding against a real PostgreSQL; one server for the whole class, a fresh schema for each test. */
class TableSeederTest extends OneDatabasePerClass {

    @BeforeEach
    void emptySchema() throws SQLException {
        run("DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS shop CASCADE; CREATE SCHEMA public");
    }

    @Test
    void childrenReferToSeededParentsAndUniqueKeysHold() throws SQLException {
        run("""
                CREATE TABLE order_lines (id bigserial PRIMARY KEY, order_id int NOT NULL REFERENCES orders(id),
                    product_code varchar(8) NOT NULL REFERENCES products(code), UNIQUE (order_id, product_code));
                """.replace("CREATE TABLE order_lines", "CREATE TABLE customers (id serial PRIMARY KEY, email text NOT NULL UNIQUE);"
                + "CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers(id), placed date NOT NULL);"
                + "CREATE TABLE products (code varchar(8) PRIMARY KEY, price numeric(6,2) NOT NULL);"
                + "CREATE TABLE order_lines"));
        Map<String, String> unseeded = new TableSeeder(connection, 300).seedAll();

        assertEquals(Map.of(), unseeded);
        for (String table : new String[] {"customers", "orders", "products", "order_lines"}) {
            assertEquals(300, count("SELECT count(*) FROM " + table), table);
        }
        assertEquals(300, count("SELECT count(DISTINCT customer_id) FROM orders"), "orders spread over customers");
        assertEquals(0, count("SELECT count(*) FROM orders o LEFT JOIN customers c ON c.id = o.customer_id"
                + " WHERE c.id IS NULL"));
        // The sequence was left alone: the application's next insert gets a fresh key.
        run("INSERT INTO customers (email) VALUES ('new@example.org')");
        assertEquals(301, count("SELECT count(*) FROM customers"));
    }

    @Test
    void rowsACheckRejectsAreSkippedAndTheRestKept() throws SQLException {
        run("CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL CHECK (balance % 3 <> 0),"
                + " active boolean NOT NULL, CHECK (active OR balance > 100))");
        Map<String, String> unseeded = new TableSeeder(connection, 300).seedAll();

        assertEquals(Map.of(), unseeded);
        long rows = count("SELECT count(*) FROM accounts");
        assertTrue(rows > 100 && rows < 300, "rows that pass both checks: " + rows);
    }

    @Test
    void aTableNoRowCanEnterIsNamedWithTheReason() throws SQLException {
        run("CREATE SCHEMA shop; CREATE TABLE shop.closed (id int PRIMARY KEY, CHECK (id < 0));"
                + "CREATE TABLE open_table (id int PRIMARY KEY);"
                + "CREATE TABLE coded (id int PRIMARY KEY, code text NOT NULL DEFAULT 'abc' CHECK (length(code) = 3))");
        Map<String, String> unseeded = new TableSeeder(connection, 50).seedAll();

        assertEquals(1, unseeded.size(), unseeded.toString());
        assertTrue(unseeded.get("shop.closed").contains("violates check constraint"), unseeded.toString());
        assertEquals(50, count("SELECT count(*) FROM open_table"));
        assertEquals(50, count("SELECT count(*) FROM coded WHERE code = 'abc'"), "the default satisfies the check");
    }

    @Test
    void aCheckThatWantsOneOfSeveralReferencesGetsRowsThatFillOne() throws SQLException {
        run("CREATE TABLE posts (id int PRIMARY KEY); CREATE TABLE comments (id int PRIMARY KEY);"
                + "CREATE TABLE reports (id int PRIMARY KEY, post_id int REFERENCES posts, comment_id int REFERENCES comments,"
                + " CHECK (num_nonnulls(post_id, comment_id) = 1))");
        Map<String, String> unseeded = new TableSeeder(connection, 40).seedAll();

        assertEquals(Map.of(), unseeded);
        assertEquals(40, count("SELECT count(*) FROM reports"));
    }

    @Test
    void emptiedTablesAreSeededAgainWithNewKeys() throws SQLException {
        run("CREATE TABLE tags (name text PRIMARY KEY, kind text NOT NULL CHECK (kind IN ('a', 'b')))");
        TableSeeder seeder = new TableSeeder(connection, 20);
        seeder.seedAll();
        run("DELETE FROM tags WHERE name IN (SELECT name FROM tags LIMIT 5)");
        Map<String, String> unseeded = seeder.seedAll();

        assertEquals(Map.of(), unseeded);
        assertEquals(20, count("SELECT count(*) FROM tags"));
    }

    @Test
    void enumsDomainsAndCommonTypesTakeValues() throws SQLException {
        run("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE DOMAIN positive AS int CHECK (VALUE > 0);"
                + "CREATE TABLE diary (id uuid PRIMARY KEY, m mood NOT NULL, p positive NOT NULL, j jsonb NOT NULL,"
                + " t timestamptz NOT NULL, d interval NOT NULL, ip inet NOT NULL, tags text[] NOT NULL,"
                + " b bytea NOT NULL, c char(2) NOT NULL UNIQUE)");
        Map<String, String> unseeded = new TableSeeder(connection, 100).seedAll();

        assertEquals(Map.of(), unseeded);
        assertEquals(100, count("SELECT count(*) FROM diary"));
        assertEquals(3, count("SELECT count(DISTINCT m) FROM diary"));
    }

    private static void run(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
