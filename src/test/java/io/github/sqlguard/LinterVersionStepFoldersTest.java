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

/**
 * Some projects keep an install script per database ({@code sql/app_mysql.sql}) beside upgrade steps in folders
 * named for a version and a word, one folder per database in each ({@code sql/upgrade/1.2.0_schema/mysql/}). Its
 * upgrade tool runs the install on a new database and the steps on an existing one, so a step is judged against
 * the schema the steps before it built, not against the latest schema the install script creates.
 */
class LinterVersionStepFoldersTest {

    @TempDir
    Path project;

    @Test
    void aStepIsJudgedAgainstTheStepsBeforeItNotTheLatestInstall() throws IOException {
        write("sql/app_mysql.sql", "CREATE TABLE t (id INT, c VARCHAR(50)) DEFAULT CHARSET=utf8;");
        write("sql/app_postgresql.sql", "CREATE TABLE t (id int, c varchar(50));");
        write("sql/upgrade/1.0.0_schema/mysql/ddl.sql", "CREATE TABLE t (id INT, c VARCHAR(255));");
        write("sql/upgrade/1.0.0_schema/postgresql/ddl.sql", "CREATE TABLE t (id int, c varchar(255));");
        write("sql/upgrade/1.2.0_schema/mysql/ddl.sql", "ALTER TABLE t ADD d INT;");
        write("sql/upgrade/1.10.0_schema/mysql/ddl.sql", "ALTER TABLE t MODIFY COLUMN c VARCHAR(50);");

        List<String> found = ProjectLint.findings(project, Dialect.AUTO).stream()
                .filter(f -> f.ruleId().equals("alter-column-type")).map(Finding::message).toList();

        assertEquals(List.of("ALTER TABLE t changes the type of column c from VARCHAR(255) to VARCHAR(50) (shorter:"
                + " 255 to 50 characters)"), found);
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve("db").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql + "\n", StandardCharsets.UTF_8);
    }
}
