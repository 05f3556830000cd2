package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

class CascadeGraphTest {

    private static final String SHOP = """
            CREATE TABLE accounts (id BIGINT PRIMARY KEY);
            CREATE TABLE invoices (id BIGINT PRIMARY KEY,
              account_id BIGINT REFERENCES accounts (id) ON DELETE CASCADE);
            CREATE TABLE invoice_lines (id BIGINT PRIMARY KEY, invoice_id BIGINT,
              CONSTRAINT lines_invoice FOREIGN KEY (invoice_id) REFERENCES invoices (id) ON DELETE CASCADE);
            CREATE TABLE notes (id BIGINT, account_id BIGINT REFERENCES accounts (id) ON DELETE SET NULL);
            CREATE TABLE audit (id BIGINT, note_id BIGINT REFERENCES notes (id) ON DELETE CASCADE);
            """;

    @Test
    void deleteFollowsOnlyCascadingKeysTransitively() {
        CascadeGraph graph = SchemaReplayTest.replayed(Dialect.POSTGRESQL, SHOP).cascades();
        assertEquals(List.of("invoices", "invoice_lines"), graph.deletedWith("accounts"));
        assertEquals(List.of("invoice_lines"), graph.deletedWith("public.INVOICES"));
        assertEquals(List.of(), graph.deletedWith("invoice_lines"));
    }

    @Test
    void truncateCascadeFollowsEveryKey() {
        CascadeGraph graph = SchemaReplayTest.replayed(Dialect.POSTGRESQL, SHOP).cascades();
        assertEquals(List.of("invoices", "notes", "invoice_lines", "audit"), graph.truncatedWith("accounts"));
        assertEquals(List.of("invoices", "notes"), graph.referencing("accounts"));
    }

    @Test
    void keysAddedLaterInEveryDialectCount() {
        CascadeGraph mysql = SchemaReplayTest.replayed(Dialect.MYSQL, """
                CREATE TABLE a (id INT PRIMARY KEY);
                CREATE TABLE b (id INT, a_id INT);
                ALTER TABLE b ADD CONSTRAINT fk_b_a FOREIGN KEY fk_idx (a_id) REFERENCES a (id) ON DELETE CASCADE ON UPDATE NO ACTION;
                """).cascades();
        assertEquals(List.of("b"), mysql.deletedWith("a"));
        CascadeGraph tsql = SchemaReplayTest.replayed(Dialect.SQLSERVER, """
                CREATE TABLE [dbo].[a] ([id] INT NOT NULL, CONSTRAINT [pk_a] PRIMARY KEY CLUSTERED ([id]))
                GO
                ALTER TABLE [dbo].[b] WITH CHECK ADD CONSTRAINT [fk_b_a] FOREIGN KEY([a_id]) REFERENCES [dbo].[a] ([id]) ON DELETE CASCADE
                GO
                """).cascades();
        assertEquals(List.of("dbo.b"), tsql.deletedWith("a"));
        CascadeGraph oracle = SchemaReplayTest.replayed(Dialect.ORACLE, """
                CREATE TABLE a (id NUMBER(19) PRIMARY KEY);
                CREATE TABLE b (id NUMBER(19), a_id NUMBER(19));
                ALTER TABLE b ADD CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE CASCADE;
                ALTER TABLE b DROP CONSTRAINT fk_b_a;
                """).cascades();
        assertEquals(List.of(), oracle.deletedWith("a"));
    }
}
