package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PostgreSQL's {@code CREATE TABLE t (LIKE s)} gives {@code t} the columns {@code s} has: a later type change of one
 * of them is judged against its known type, not reported as a change from an unknown one.
 */
class LinterCreateTableLikeTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a widened copied column | CREATE TABLE users_history (LIKE users); | ALTER TABLE users_history ALTER COLUMN username TYPE varchar(512); | -
            with INCLUDING and a column of its own | CREATE TABLE users_history (LIKE users INCLUDING ALL, note text); | ALTER TABLE users_history ALTER COLUMN username TYPE varchar(512), ALTER COLUMN note TYPE varchar(1000); | alter-column-type WARNING 1:68 ALTER TABLE users_history changes the type of column note from text to varchar(1000) (shorter: unlimited to 1000 characters)
            a narrowed copied column | CREATE TABLE users_history (LIKE users); | ALTER TABLE users_history ALTER COLUMN username TYPE varchar(100); | alter-column-type WARNING 1:27 ALTER TABLE users_history changes the type of column username from varchar(255) to varchar(100) (shorter: 255 to 100 characters)
            like a table the replay does not know | CREATE TABLE users_history (LIKE other_users); | ALTER TABLE users_history ALTER COLUMN username TYPE varchar(512); | alter-column-type WARNING 1:27 ALTER TABLE users_history changes the type of column username to varchar(512) (its type before is not known: the columns of table users_history are not known: it is created LIKE a table whose columns are not known at db/V1__users.sql:2)
            """)
    void copiedColumnsKeepTheirTypes(String name, String like, String alter, String expected) throws IOException {
        Path db = project.resolve("db");
        Files.createDirectories(db);
        Files.writeString(db.resolve("V1__users.sql"), "CREATE TABLE users (id int, username varchar(255));\n" + like
                + "\n", StandardCharsets.UTF_8);
        Files.writeString(db.resolve("V2__widen.sql"), alter + "\n", StandardCharsets.UTF_8);
        LintConfig defaults = LintConfig.defaults(project, List.of(db));
        LintConfig config = new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1);
        List<String> found = new Linter().run(config).findings().stream()
                .map(f -> f.ruleId() + " " + f.severity() + " " + f.location().line() + ":" + f.location().column()
                        + " " + f.message()).toList();
        assertEquals(expected.equals("-") ? List.of() : List.of(expected), found);
    }
}
