package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A DELETE (or an UPDATE whose SET reads nothing of the joined row) whose join only ties each row to the whole
 * composite key of its related row, {@code qm.queue_type = q.queue_type AND qm.queue_name = q.queue_name}, removes
 * every row that has one, as the join on a key of one column does: {@code unfiltered-subquery}, at the verb. Half of
 * the key, a join that also filters, a WHERE, or a join of the two tables' own keys stays quiet.
 */
class LinterCompositeKeyJoinTest {

    private static final String MYSQL_SCHEMA = """
            CREATE TABLE queues (queue_type VARCHAR(20) NOT NULL, queue_name VARCHAR(50) NOT NULL, active TINYINT,
              PRIMARY KEY (queue_type, queue_name));
            CREATE TABLE topics (id BIGINT PRIMARY KEY, queue_type VARCHAR(20) NOT NULL, queue_name VARCHAR(50) NOT NULL,
              UNIQUE KEY uq_topics_queue (queue_type, queue_name));
            CREATE TABLE queue_messages (id BIGINT PRIMARY KEY, queue_type VARCHAR(20), queue_name VARCHAR(50),
              body TEXT);
            CREATE TABLE routed (id BIGINT PRIMARY KEY, kind VARCHAR(20), name VARCHAR(50), body TEXT,
              CONSTRAINT fk_routed_queue FOREIGN KEY (kind, name) REFERENCES queues (queue_type, queue_name));
            CREATE TABLE queue_copies (queue_type VARCHAR(20) NOT NULL, queue_name VARCHAR(50) NOT NULL,
              PRIMARY KEY (queue_type, queue_name));
            """;

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE qm FROM queue_messages qm JOIN queues q ON qm.queue_type = q.queue_type AND qm.queue_name = q.queue_name | 2:3
            DELETE qm FROM queue_messages qm JOIN queues q ON q.queue_name = qm.queue_name AND qm.queue_type = q.queue_type | 2:3
            DELETE qm FROM queue_messages qm INNER JOIN topics t ON t.queue_type = qm.queue_type AND t.queue_name = qm.queue_name | 2:3
            DELETE r FROM routed r JOIN queues q ON r.kind = q.queue_type AND r.name = q.queue_name                      | 2:3
            DELETE qm FROM queue_messages qm, queues q WHERE qm.queue_type = q.queue_type AND qm.queue_name = q.queue_name | 2:3
            UPDATE queue_messages qm JOIN queues q ON qm.queue_type = q.queue_type AND qm.queue_name = q.queue_name SET qm.body = NULL | 2:3
            DELETE qm FROM queue_messages qm JOIN queues q ON qm.queue_type = q.queue_type                              | -
            DELETE qm FROM queue_messages qm JOIN queues q ON qm.queue_type = q.queue_type AND qm.queue_name = q.queue_name AND q.active = 0 | -
            DELETE qm FROM queue_messages qm JOIN queues q ON qm.queue_type = q.queue_type AND qm.queue_name = q.queue_name WHERE q.active = 0 | -
            DELETE c FROM queue_copies c JOIN queues q ON c.queue_type = q.queue_type AND c.queue_name = q.queue_name   | -
            UPDATE queue_messages qm JOIN queues q ON qm.queue_type = q.queue_type AND qm.queue_name = q.queue_name SET qm.body = q.queue_name | -
            """)
    void mySqlJoinOnACompositeKey(String sql, String expected) throws IOException {
        assertEquals(expected.equals("-") ? List.of() : List.of(expected),
                places(lint(Dialect.MYSQL, MYSQL_SCHEMA, "SELECT 1;\n  " + sql + ";\n")));
    }

    @Test
    void messageNamesEveryColumnOfTheKey() throws IOException {
        List<String> messages = lint(Dialect.MYSQL, MYSQL_SCHEMA, "DELETE qm FROM queue_messages qm JOIN queues q"
                + " ON qm.queue_type = q.queue_type AND qm.queue_name = q.queue_name;\n").stream()
                .filter(f -> f.ruleId().equals("unfiltered-subquery")).map(Finding::message).toList();

        assertEquals(List.of("DELETE without WHERE is limited only by its join of queue_messages (queue_type,"
                + " queue_name) to the key queues (queue_type, queue_name), which reads queues without a filter: it"
                + " removes every row of queue_messages that has a related row in queues"), messages);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE FROM messages m USING queues q WHERE m.queue_type = q.queue_type AND m.queue_name = q.queue_name     | 2:3
            DELETE FROM messages USING queues WHERE messages.queue_type = queues.queue_type AND messages.queue_name = queues.queue_name | 2:3
            DELETE FROM messages m USING queues q WHERE m.queue_type = q.queue_type                                      | -
            DELETE FROM messages m USING queues q WHERE m.queue_type = q.queue_type AND m.queue_name = q.queue_name AND q.paused | -
            """)
    void postgresJoinOnACompositeKeyWrittenInTheWhere(String sql, String expected) throws IOException {
        String schema = """
                CREATE TABLE queues (queue_type text NOT NULL, queue_name text NOT NULL, paused boolean,
                  PRIMARY KEY (queue_type, queue_name));
                CREATE TABLE messages (id bigserial PRIMARY KEY, queue_type text, queue_name text);
                """;
        assertEquals(expected.equals("-") ? List.of() : List.of(expected),
                places(lint(Dialect.POSTGRESQL, schema, "SELECT 1;\n  " + sql + ";\n")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE m FROM dbo.Messages m JOIN dbo.Queues q ON m.QueueType = q.QueueType AND m.QueueName = q.QueueName | 2:1
            DELETE m FROM dbo.Messages m JOIN dbo.Queues q ON m.QueueType = q.QueueType                               | -
            DELETE m FROM dbo.Messages m JOIN dbo.Queues q ON m.QueueType = q.QueueType AND m.QueueName = q.QueueName WHERE q.Paused = 1 | -
            """)
    void sqlServerJoinOnACompositeKey(String sql, String expected) throws IOException {
        String schema = """
                CREATE TABLE dbo.Queues (QueueType INT NOT NULL, QueueName NVARCHAR(50) NOT NULL, Paused BIT,
                  CONSTRAINT PK_Queues PRIMARY KEY (QueueType, QueueName))
                GO
                CREATE TABLE dbo.Messages (Id INT NOT NULL PRIMARY KEY, QueueType INT, QueueName NVARCHAR(50))
                GO
                """;
        assertEquals(expected.equals("-") ? List.of() : List.of(expected),
                places(lint(Dialect.SQLSERVER, schema, "PRINT 'purge'\n" + sql + "\nGO\n")));
    }

    private static List<String> places(List<Finding> findings) {
        return findings.stream().filter(f -> f.ruleId().equals("unfiltered-subquery"))
                .map(f -> f.location().line() + ":" + f.location().column()).toList();
    }

    private List<Finding> lint(Dialect dialect, String schema, String sql) throws IOException {
        // The tables come from an earlier migration: tables the same script creates are scratch tables.
        Path file = project.resolve("db/V2__change.sql");
        Files.createDirectories(file.getParent());
        Files.writeString(project.resolve("db/V1__schema.sql"), schema, StandardCharsets.UTF_8);
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        return ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.location().path().toString().contains("V2__")).toList();
    }
}
