package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A MySQL multi-table DELETE without WHERE whose join only ties each row to the key of its related row removes
 * every row that has one, as {@code fk IN (SELECT id FROM t)} does: {@code unfiltered-subquery}, at the DELETE.
 * So does such an UPDATE whose SET reads nothing of the joined row. A join that also filters, a WHERE, a join from
 * a key to a referencing column (orders that have a refund), a table the replay does not know, or an UPDATE that
 * copies the joined row's values stays quiet.
 */
class LinterUnfilteredJoinTest {

    private static final String SCHEMA = """
            CREATE TABLE customers (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, status VARCHAR(20));
            CREATE TABLE orders (
              id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              customer_id BIGINT NOT NULL,
              CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
            ) ENGINE=InnoDB;
            CREATE TABLE refunds (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL);
            CREATE TABLE notes (id BIGINT PRIMARY KEY, customer_ref BIGINT);
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id                                  | 2:3
            DELETE orders FROM orders INNER JOIN customers ON customers.id = orders.customer_id              | 2:3
            DELETE o, c FROM orders o JOIN customers c ON c.id = o.customer_id                               | 2:3
            DELETE FROM o USING orders AS o INNER JOIN customers AS c ON o.customer_id = c.id                | 2:3
            DELETE IGNORE n FROM notes n JOIN customers c ON c.id = n.customer_ref                           | 2:3
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.status = 'closed'        | -
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id AND 1 = 1                        | 2:3
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id AND 1 = 0                        | -
            UPDATE orders o, customers c SET o.state = 'vip' WHERE c.id = o.customer_id AND 1 = 1            | 2:3
            UPDATE orders o, customers c SET o.state = 'vip' WHERE c.id = o.customer_id AND c.status = 'x'   | -
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id AND c.status = 'closed'          | -
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id AND c.status = TRUE              | -
            DELETE o FROM orders o JOIN refunds r ON o.id = r.order_id                                       | -
            DELETE o FROM orders o JOIN legacy_customers c ON c.id = o.customer_id                           | -
            DELETE o FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE c.id IS NULL          | -
            DELETE o FROM orders o JOIN (SELECT id FROM customers WHERE status = 'x') c ON c.id = o.customer_id | -
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id JOIN refunds r ON r.order_id = o.id | -
            UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.customer_id = c.id                 | -
            UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.customer_id = NULL                 | 2:3
            UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.customer_id = NULL WHERE c.status = 'x' | -
            UPDATE orders o JOIN customers c ON c.id = o.customer_id AND c.status = 'x' SET o.customer_id = NULL | -
            UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.state = 'vip'                      | 2:3
            UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.state = CONCAT(o.state, '!')       | 2:3
            UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.state = c.status                   | -
            UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.state = status                     | -
            UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.state = (SELECT 1)                 | -
            UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.state = 'x' WHERE c.status = 'y'   | -
            UPDATE orders o JOIN customers c ON c.id = o.customer_id SET state = 'vip'                        | -
            UPDATE orders o JOIN refunds r ON o.id = r.order_id SET o.state = 'refunded'                      | -
            """)
    void deleteJoinedOnKeysOnly(String sql, String expected) throws IOException {
        List<String> found = lint(Dialect.MYSQL, SCHEMA, "SELECT 1;\n  " + sql + ";\n").stream()
                .filter(f -> f.ruleId().equals("unfiltered-subquery"))
                .map(f -> f.location().line() + ":" + f.location().column()).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id                  | DELETE | removes
            UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.state = 'x'       | UPDATE | changes
            """)
    void messageNamesTheJoinedKeyAndTheRowsThatGoOrChange(String sql, String verb, String effect) throws IOException {
        List<String> messages = lint(Dialect.MYSQL, SCHEMA, sql + ";\n").stream()
                .filter(f -> f.ruleId().equals("unfiltered-subquery")).map(Finding::message).toList();

        assertEquals(List.of(verb + " without WHERE is limited only by its join of orders.customer_id to the key"
                + " customers.id, which reads customers without a filter: it " + effect + " every row of orders that"
                + " has a related row in customers"), messages);
    }

    /**
     * A WHERE that names no column of the joined rows ({@code 1 = 1}, an OR with TRUE, a variable or literals alone)
     * holds for every row or for none, so the join alone chooses the rows, as without WHERE; the message says which
     * WHERE it is. A WHERE on the joined table's columns, or one that holds for no row, still filters.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id WHERE 1 = 1                  | DELETE with an always-true WHERE
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.status = 'x' OR TRUE | DELETE with an always-true WHERE
            DELETE FROM o USING orders AS o INNER JOIN customers AS c ON o.customer_id = c.id WHERE TRUE | DELETE with an always-true WHERE
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id WHERE @purge = 1             | DELETE whose WHERE names no column of orders, only variables,
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id WHERE NOW() > '2024-01-01'   | DELETE whose WHERE names no column of orders, so it holds for every row or none,
            UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.state = 'vip' WHERE 1 = 1     | UPDATE with an always-true WHERE
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.status = 'closed'     | -
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id WHERE 1 = 0                  | -
            DELETE o FROM orders o JOIN refunds r ON o.id = r.order_id WHERE 1 = 1                       | -
            UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.state = c.status WHERE 1 = 1  | -
            """)
    void aWhereOfNoRowColumnLeavesTheRowsToTheJoin(String sql, String start) throws IOException {
        List<Finding> found = lint(Dialect.MYSQL, SCHEMA, "SELECT 1;\n  " + sql + ";\n").stream()
                .filter(f -> f.ruleId().equals("unfiltered-subquery")).toList();

        if (start.equals("-")) {
            assertEquals(List.of(), found);
            return;
        }
        String effect = start.startsWith("DELETE") ? "removes" : "changes";
        assertEquals(List.of("2:3 " + start + " is limited only by its join of orders.customer_id to the key"
                + " customers.id, which reads customers without a filter: it " + effect + " every row of orders that"
                + " has a related row in customers"), found.stream().map(f -> f.location().line() + ":"
                + f.location().column() + " " + f.message()).toList());
    }

    /**
     * {@code DELETE o, c} deletes from both tables of the join: every customer that has an order goes too, and the
     * message says so. A second target that is not the joined key's table is no such loss.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE o, c FROM orders o JOIN customers c ON c.id = o.customer_id                   | , and every row of customers that has a related row in orders
            DELETE c, o FROM customers c INNER JOIN orders o ON o.customer_id = c.id             | , and every row of customers that has a related row in orders
            DELETE orders, customers FROM orders JOIN customers ON customers.id = orders.customer_id | , and every row of customers that has a related row in orders
            DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id                      | ''
            """)
    void aDeleteFromBothTablesSaysTheJoinedRowsGoToo(String sql, String more) throws IOException {
        List<String> messages = lint(Dialect.MYSQL, SCHEMA, sql + ";\n").stream()
                .filter(f -> f.ruleId().equals("unfiltered-subquery")).map(Finding::message).toList();

        assertEquals(List.of("DELETE without WHERE is limited only by its join of orders.customer_id to the key"
                + " customers.id, which reads customers without a filter: it removes every row of orders that"
                + " has a related row in customers" + more), messages);
    }

    /**
     * T-SQL's UPDATE .. FROM joined only on the key sets every order's total to 0, like an UPDATE without WHERE; one
     * that copies the customer's columns is a backfill, and one whose join or WHERE filters the customers is limited.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPDATE o SET o.Total = 0 FROM dbo.Orders o INNER JOIN dbo.Customers c ON c.Id = o.CustomerId       | 2:1
            UPDATE dbo.Orders SET Total = 0, Note = NULL FROM dbo.Orders JOIN dbo.Customers ON Customers.Id = Orders.CustomerId | 2:1
            UPDATE o SET o.Note = c.Name FROM dbo.Orders o INNER JOIN dbo.Customers c ON c.Id = o.CustomerId   | -
            UPDATE o SET o.Note = UPPER(c.Name) FROM dbo.Orders o JOIN dbo.Customers c ON c.Id = o.CustomerId  | -
            UPDATE o SET o.Total = 0 FROM dbo.Orders o JOIN dbo.Customers c ON c.Id = o.CustomerId WHERE c.IsDeleted = 1 | -
            UPDATE o SET o.Total = 0 FROM dbo.Orders o LEFT JOIN dbo.Customers c ON c.Id = o.CustomerId       | -
            UPDATE dbo.Orders SET Total = 0 FROM dbo.Orders o JOIN dbo.Customers c ON c.Id = o.CustomerId      | 2:1
            UPDATE Orders SET Total = 0 FROM dbo.Orders o JOIN dbo.Customers c ON c.Id = o.CustomerId         | 2:1
            UPDATE dbo.Orders SET Note = c.Name FROM dbo.Orders o JOIN dbo.Customers c ON c.Id = o.CustomerId  | -
            UPDATE dbo.Orders SET Total = 0 FROM dbo.Orders o JOIN dbo.Orders p ON p.Id = o.CustomerId        | -
            """)
    void tsqlUpdateJoinedOnKeysOnly(String sql, String expected) throws IOException {
        String schema = """
                CREATE TABLE dbo.Customers (Id INT NOT NULL PRIMARY KEY, Name NVARCHAR(200), IsDeleted BIT)
                GO
                CREATE TABLE dbo.Orders (Id INT NOT NULL PRIMARY KEY, Total DECIMAL(10, 2), Note NVARCHAR(200),
                  CustomerId INT NOT NULL CONSTRAINT FK_Orders_Customers REFERENCES dbo.Customers (Id))
                GO
                """;
        List<Finding> findings = lint(Dialect.SQLSERVER, schema, "PRINT 'backfill'\n" + sql + "\nGO\n");
        List<String> found = findings.stream().filter(f -> f.ruleId().equals("unfiltered-subquery"))
                .map(f -> f.location().line() + ":" + f.location().column()).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
        if (!found.isEmpty()) {
            assertEquals(List.of("UPDATE without WHERE is limited only by its join of dbo.Orders.CustomerId to the"
                    + " key dbo.Customers.Id, which reads dbo.Customers without a filter: it changes every row of"
                    + " dbo.Orders that has a related row in dbo.Customers"), findings.stream()
                    .filter(f -> f.ruleId().equals("unfiltered-subquery")).map(Finding::message).toList());
        }
    }

    /**
     * T-SQL binds a DELETE's target named by its table to the one reference of that table in the FROM list, aliased
     * or not, and writes the target after DELETE with or without FROM: {@code DELETE FROM dbo.Orders FROM dbo.Orders
     * o JOIN ..} is {@code DELETE o FROM dbo.Orders o JOIN ..}, read by the parser as well, and so is one that ends
     * in query hints ({@code OPTION (RECOMPILE)}), which choose how it runs, not which rows it deletes.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE o FROM dbo.Orders o JOIN dbo.Customers c ON c.Id = o.CustomerId                 | 2:1
            DELETE dbo.Orders FROM dbo.Orders o JOIN dbo.Customers c ON c.Id = o.CustomerId        | 2:1
            DELETE FROM dbo.Orders FROM dbo.Orders o JOIN dbo.Customers c ON c.Id = o.CustomerId   | 2:1
            DELETE FROM dbo.Orders FROM dbo.Orders JOIN dbo.Customers c ON c.Id = Orders.CustomerId | 2:1
            DELETE FROM dbo.Orders FROM dbo.Orders o JOIN dbo.Customers c ON c.Id = o.CustomerId WHERE c.IsDeleted = 1 | -
            DELETE FROM dbo.Orders FROM dbo.Orders o JOIN dbo.Customers c ON c.Id = o.CustomerId AND c.IsDeleted = 1 | -
            DELETE o FROM dbo.Orders o JOIN dbo.Customers c ON c.Id = o.CustomerId OPTION (RECOMPILE)       | 2:1
            DELETE o FROM dbo.Orders o JOIN dbo.Customers c ON c.Id = o.CustomerId OPTION(MAXDOP 1, RECOMPILE); | 2:1
            DELETE o FROM dbo.Orders o JOIN dbo.Customers c ON c.Id = o.CustomerId AND c.IsDeleted = 1 OPTION (RECOMPILE) | -
            """)
    void tsqlDeleteOfATableTheFromListAliases(String sql, String expected) throws IOException {
        String schema = """
                CREATE TABLE dbo.Customers (Id INT NOT NULL PRIMARY KEY, IsDeleted BIT)
                GO
                CREATE TABLE dbo.Orders (Id INT NOT NULL PRIMARY KEY,
                  CustomerId INT NOT NULL CONSTRAINT FK_Orders_Customers REFERENCES dbo.Customers (Id))
                GO
                """;
        List<Finding> findings = lint(Dialect.SQLSERVER, schema, "PRINT 'purge'\n" + sql + "\nGO\n");

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings.stream()
                .filter(f -> f.ruleId().equals("unfiltered-subquery"))
                .map(f -> f.location().line() + ":" + f.location().column()).toList());
        assertEquals(List.of(), findings.stream().filter(f -> f.ruleId().equals("unparsed-statement"))
                .map(Finding::message).toList());
    }

    /**
     * PostgreSQL writes the join in the WHERE: a USING or FROM list whose WHERE is only the key equality limits
     * nothing either. A WHERE that also filters, a join from a key to a referencing column, two tables in the list,
     * or an UPDATE that copies the joined row's values stays quiet.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM orders o USING customers c WHERE c.id = o.customer_id                                | 2:3
            DELETE FROM ONLY orders AS o USING customers AS c WHERE o.customer_id = c.id                     | 2:3
            DELETE FROM orders USING customers WHERE customers.id = orders.customer_id RETURNING orders.id   | 2:3
            UPDATE orders o SET state = 'closed' FROM customers c WHERE c.id = o.customer_id                 | 2:3
            UPDATE orders SET state = NULL FROM customers c WHERE orders.customer_id = c.id                  | 2:3
            UPDATE orders o SET state = c.status FROM customers c WHERE c.id = o.customer_id                 | -
            UPDATE orders o SET state = 'x' FROM customers c WHERE c.id = o.customer_id AND c.status = 'y'   | -
            DELETE FROM orders o USING customers c WHERE c.id = o.customer_id AND c.status = 'closed'        | -
            DELETE FROM orders o USING customers c WHERE c.id = o.customer_id OR o.id = 1                    | -
            DELETE FROM orders o USING refunds r WHERE o.id = r.order_id                                     | -
            DELETE FROM orders o USING customers c, refunds r WHERE c.id = o.customer_id                     | -
            DELETE FROM orders o USING customers c WHERE c.id = c.id                                         | -
            DELETE FROM orders o WHERE o.id = o.customer_id                                                  | -
            """)
    void postgresJoinWrittenInTheWhere(String sql, String expected) throws IOException {
        String schema = """
                CREATE TABLE customers (id bigserial PRIMARY KEY, status text);
                CREATE TABLE orders (id bigserial PRIMARY KEY, state text,
                  customer_id bigint NOT NULL REFERENCES customers (id));
                CREATE TABLE refunds (id bigint PRIMARY KEY, order_id bigint NOT NULL);
                """;
        List<Finding> findings = lint(Dialect.POSTGRESQL, schema, "SELECT 1;\n  " + sql + ";\n").stream()
                .filter(f -> f.ruleId().equals("unfiltered-subquery")).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings.stream()
                .map(f -> f.location().line() + ":" + f.location().column()).toList());
        if (!findings.isEmpty() && sql.startsWith("DELETE FROM orders o USING")) {
            assertEquals(List.of("DELETE is limited only by its WHERE's join of orders.customer_id to the key"
                    + " customers.id, which reads customers without a filter: it removes every row of orders that has"
                    + " a related row in customers"), findings.stream().map(Finding::message).toList());
        }
    }

    /**
     * MySQL writes the join in the WHERE as well: a multi-table UPDATE ({@code UPDATE orders o, customers c SET ..
     * WHERE c.id = o.customer_id}) or a DELETE whose USING list names the target again ({@code DELETE FROM orders
     * USING orders, customers WHERE ..}) limited only by the key equality changes or removes every row that has a
     * related row, as its JOIN .. ON form does. A WHERE that also filters, a SET that copies the joined row's values
     * or a join from a key to a referencing column stays quiet.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPDATE orders o, customers c SET o.customer_id = NULL WHERE o.customer_id = c.id                 | 2:3
            UPDATE orders, customers SET orders.state = 'x' WHERE customers.id = orders.customer_id          | 2:3
            UPDATE customers c, orders o SET o.state = 'x' WHERE c.id = o.customer_id                        | 2:3
            UPDATE orders o, customers c SET o.state = c.status WHERE o.customer_id = c.id                   | -
            UPDATE orders o, customers c SET o.state = 'x' WHERE o.customer_id = c.id AND c.status = 'y'     | -
            UPDATE orders o, refunds r SET o.state = 'refunded' WHERE o.id = r.order_id                      | -
            DELETE FROM orders USING orders, customers WHERE orders.customer_id = customers.id               | 2:3
            DELETE FROM o USING orders o, customers c WHERE o.customer_id = c.id                             | 2:3
            DELETE FROM orders USING orders, customers WHERE orders.customer_id = customers.id AND customers.status = 'x' | -
            DELETE FROM orders USING orders, refunds WHERE orders.id = refunds.order_id                      | -
            DELETE o FROM orders o, customers c WHERE o.customer_id = c.id                                   | 2:3
            """)
    void mysqlJoinWrittenInTheWhere(String sql, String expected) throws IOException {
        List<Finding> findings = lint(Dialect.MYSQL, SCHEMA + "ALTER TABLE orders ADD state VARCHAR(20);\n",
                "SELECT 1;\n  " + sql + ";\n")
                .stream().filter(f -> f.ruleId().equals("unfiltered-subquery")).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings.stream()
                .map(f -> f.location().line() + ":" + f.location().column()).toList());
        if (!findings.isEmpty()) {
            String verb = sql.substring(0, 6);
            assertEquals(List.of(verb + " is limited only by its WHERE's join of orders.customer_id to the key"
                    + " customers.id, which reads customers without a filter: it "
                    + (verb.equals("DELETE") ? "removes" : "changes") + " every row of orders that has a related row"
                    + " in customers"), findings.stream().map(Finding::message).toList());
        }
    }

    /**
     * MySQL's and MariaDB's multi-table DELETE written with USING ({@code DELETE FROM o USING orders o JOIN ..}),
     * which JSqlParser rejects, is judged from its tokens as the same DELETE written {@code DELETE o FROM orders o
     * JOIN ..}: quiet where the join or WHERE limits the rows, reported where not, and never an unparsed statement.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MYSQL   | DELETE FROM o USING orders o JOIN customers c ON c.id = o.customer_id WHERE c.status = 'x'   | DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.status = 'x'   | -
            MARIADB | DELETE FROM o USING orders o JOIN customers c ON c.id = o.customer_id WHERE c.status = 'x'   | DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.status = 'x'   | -
            MYSQL   | DELETE FROM orders USING orders JOIN refunds ON orders.id = refunds.order_id                 | DELETE orders FROM orders JOIN refunds ON orders.id = refunds.order_id                 | -
            MYSQL   | DELETE FROM o, r USING orders o JOIN refunds r ON o.id = r.order_id WHERE r.id > 10          | DELETE o, r FROM orders o JOIN refunds r ON o.id = r.order_id WHERE r.id > 10          | -
            MYSQL   | DELETE FROM orders USING orders JOIN customers ON customers.id = orders.customer_id          | DELETE orders FROM orders JOIN customers ON customers.id = orders.customer_id          | unfiltered-subquery
            MARIADB | DELETE FROM o, c USING orders o JOIN customers c ON c.id = o.customer_id                     | DELETE o, c FROM orders o JOIN customers c ON c.id = o.customer_id                     | unfiltered-subquery
            MYSQL   | DELETE FROM o USING orders o LEFT JOIN refunds r ON o.id = r.order_id                        | DELETE o FROM orders o LEFT JOIN refunds r ON o.id = r.order_id                        | delete-without-where
            MARIADB | DELETE FROM o USING orders o CROSS JOIN customers c                                         | DELETE o FROM orders o CROSS JOIN customers c                                         | delete-without-where
            MYSQL   | DELETE FROM o USING orders o JOIN customers c WHERE c.status = 'x'                           | DELETE o FROM orders o JOIN customers c WHERE c.status = 'x'                           | delete-without-where
            MYSQL   | DELETE FROM o USING orders o LEFT JOIN refunds r ON o.id = r.order_id WHERE 1 = 1            | DELETE o FROM orders o LEFT JOIN refunds r ON o.id = r.order_id WHERE 1 = 1            | always-true-where
            MARIADB | DELETE FROM o USING orders o JOIN refunds r ON 1 = 1                                        | DELETE o FROM orders o JOIN refunds r ON 1 = 1                                        | delete-without-where
            """)
    void mySqlDeleteUsingJoinIsJudgedAsTheDeleteFromJoinForm(Dialect dialect, String using, String from,
            String expected) throws IOException {
        List<String> expectedRules = expected.equals("-") ? List.of() : List.of(expected + " 2:3");

        assertEquals(expectedRules, rulesAt(lint(dialect, SCHEMA, "SELECT 1;\n  " + using + ";\n")), using);
        assertEquals(expectedRules, rulesAt(lint(dialect, SCHEMA, "SELECT 1;\n  " + from + ";\n")), from);
    }

    /**
     * Oracle and Db2 delete through a join view, whose rows are those of its key-preserved table the join pairs
     * with a related row: joined only on the key, it removes every order that has a customer, as its MySQL form
     * does, whether the view names its tables by alias or not, and joins them with JOIN .. ON or, in Oracle's older
     * syntax, in its WHERE. A filter in the view or after it, or a third table, limits the rows.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM (SELECT orders.* FROM orders JOIN customers ON customers.id = orders.customer_id) | 2:3
            DELETE FROM (SELECT o.* FROM orders o JOIN customers c ON c.id = o.customer_id)                | 2:3
            DELETE (SELECT o.id FROM orders o INNER JOIN customers c ON o.customer_id = c.id)              | 2:3
            DELETE FROM (SELECT o.* FROM orders o JOIN customers c ON c.id = o.customer_id AND c.status = 'x') | -
            DELETE FROM (SELECT o.* FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.status = 'x') | -
            DELETE FROM (SELECT o.* FROM orders o JOIN refunds r ON o.id = r.order_id)                     | -
            DELETE FROM (SELECT o.* FROM orders o, customers c WHERE c.id = o.customer_id)                 | 2:3
            DELETE (SELECT orders.id FROM orders, customers WHERE orders.customer_id = customers.id)       | 2:3
            DELETE FROM (SELECT o.* FROM orders o, customers c WHERE c.id = o.customer_id AND c.status = 'x') | -
            DELETE FROM (SELECT o.* FROM orders o, customers c WHERE c.id = o.customer_id) v WHERE v.id > 5 | -
            DELETE FROM (SELECT o.* FROM orders o, refunds r WHERE o.id = r.order_id)                      | -
            DELETE FROM (SELECT o.* FROM orders o, customers c, refunds r WHERE c.id = o.customer_id)      | -
            """)
    void joinViewDeleteJoinedOnKeysOnly(String sql, String expected) throws IOException {
        String schema = """
                CREATE TABLE customers (id NUMBER(19) PRIMARY KEY, status VARCHAR2(20));
                CREATE TABLE orders (id NUMBER(19) PRIMARY KEY,
                  customer_id NUMBER(19) NOT NULL REFERENCES customers (id));
                CREATE TABLE refunds (id NUMBER(19) PRIMARY KEY, order_id NUMBER(19) NOT NULL);
                """;
        List<Finding> findings = lint(Dialect.ORACLE, schema, "SELECT 1 FROM dual;\n  " + sql + ";\n").stream()
                .filter(f -> f.ruleId().equals("unfiltered-subquery")).toList();

        assertEquals(expected.equals("-") ? List.of() : List.of(expected), findings.stream()
                .map(f -> f.location().line() + ":" + f.location().column()).toList());
        if (!findings.isEmpty()) {
            String limitedBy = sql.contains(" JOIN ") ? "without WHERE is limited only by its join"
                    : "is limited only by its WHERE's join";
            assertEquals(List.of("DELETE " + limitedBy + " of orders.customer_id to the key customers.id, which reads"
                    + " customers without a filter: it removes every row of orders that has a related row in"
                    + " customers"), findings.stream().map(Finding::message).toList());
        }
    }

    /**
     * Oracle updates through a join view the same way: a SET that gives only literals, joined only on the key,
     * changes every order that has a customer. A SET that copies a column of the view may copy the joined table's
     * values (a backfill), and a filter in the view or after it limits the rows.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UPDATE (SELECT o.note FROM orders o JOIN customers c ON c.id = o.customer_id) SET note = 'closed'     | 2:3
            UPDATE (SELECT o.note FROM orders o JOIN customers c ON c.id = o.customer_id) v SET v.note = NULL    | 2:3
            UPDATE (SELECT o.note FROM orders o, customers c WHERE c.id = o.customer_id) SET note = UPPER('x')   | 2:3
            UPDATE (SELECT o.note, c.status FROM orders o JOIN customers c ON c.id = o.customer_id) SET note = status | -
            UPDATE (SELECT o.note FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.status = 'x') SET note = 'y' | -
            UPDATE (SELECT o.id, o.note FROM orders o JOIN customers c ON c.id = o.customer_id) v SET v.note = 'y' WHERE v.id > 5 | -
            UPDATE (SELECT o.note FROM orders o JOIN refunds r ON o.id = r.order_id) SET note = 'y'              | -
            """)
    void joinViewUpdateOfLiteralsJoinedOnKeysOnly(String sql, String expected) throws IOException {
        String schema = """
                CREATE TABLE customers (id NUMBER(19) PRIMARY KEY, status VARCHAR2(20));
                CREATE TABLE orders (id NUMBER(19) PRIMARY KEY, note VARCHAR2(20),
                  customer_id NUMBER(19) NOT NULL REFERENCES customers (id));
                CREATE TABLE refunds (id NUMBER(19) PRIMARY KEY, order_id NUMBER(19) NOT NULL);
                """;
        List<Finding> findings = lint(Dialect.ORACLE, schema, "SELECT 1 FROM dual;\n  " + sql + ";\n");

        assertEquals(expected.equals("-") ? List.of() : List.of("unfiltered-subquery " + expected), rulesAt(findings));
        if (!findings.isEmpty()) {
            String limitedBy = sql.contains(" JOIN ") ? "without WHERE is limited only by its join"
                    : "is limited only by its WHERE's join";
            assertEquals(List.of("UPDATE " + limitedBy + " of orders.customer_id to the key customers.id, which reads"
                    + " customers without a filter: it changes every row of orders that has a related row in"
                    + " customers"), findings.stream().map(Finding::message).toList());
        }
    }

    private static List<String> rulesAt(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + f.location().line() + ":" + f.location().column())
                .toList();
    }

    private List<Finding> lint(Dialect dialect, String schema, String sql) throws IOException {
        // The tables come from an earlier migration: tables the same script creates are scratch tables.
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(project.resolve("db/V1__schema.sql"), schema, StandardCharsets.UTF_8);
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        return ProjectLint.findings(project, dialect).stream().filter(f -> f.location().path().toString().contains("V2__")).toList();
    }
}
