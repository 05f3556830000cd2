package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Lexer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a table's name as written resolves to {@code database/schema/table}, after the switches of database or schema
 * the script made before it; and how a name is folded to compare ({@link ObjectNames#normalize}).
 */
class TableNamespaceTest {

    @ParameterizedTest(name = "{0} after {2}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            orders         | POSTGRESQL |                          | //orders
            Orders         | POSTGRESQL |                          | //orders
            "Orders"       | POSTGRESQL |                          | //orders
            public.orders  | POSTGRESQL |                          | //orders
            shop.orders    | POSTGRESQL |                          | /shop/orders
            pg_catalog.pg_dist_node | POSTGRESQL |                 | //pg_dist_node
            "pg_catalog".pg_dist_node | POSTGRESQL |               | //pg_dist_node
            orders         | POSTGRESQL | SET search_path TO shop  | /shop/orders
            Orders         | MYSQL      | USE Shop                 | shop//orders
            `Orders`       | AUTO       | USE shop                 | shop//orders
            shop.orders    | MYSQL      |                          | shop//orders
            [dbo].[Orders] | SQLSERVER  | USE sales                | sales//orders
            Ärger          | POSTGRESQL |                          | //ärger
            a.b.orders     | SQLSERVER  |                          | a/b/orders
            """)
    void aNameResolvesToTheTableTheDatabaseFinds(String written, Dialect dialect, String switched, String table) {
        TableNamespace namespace = new TableNamespace();
        if (switched != null) {
            namespace.step(new Lexer(dialect).tokenize(switched).tokens(), dialect, true);
        }
        assertEquals(table, namespace.names().resolve(written, dialect));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            orders       | orders
            Orders       | orders
            "Orders"     | orders
            `Orders`     | orders
            [Orders]     | orders
            order_items2 | order_items2
            ÄRGER        | ärger
            """)
    void aNameFoldsToItsPlainLowerCase(String written, String folded) {
        assertEquals(folded, ObjectNames.normalize(written));
    }
}
