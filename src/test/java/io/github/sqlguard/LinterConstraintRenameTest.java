package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL Server renames a constraint with {@code sp_rename 'dbo.PK_x', 'PK_y', 'OBJECT'}, the call that renames a table
 * too, as some scripts do to give primary keys consistent names: a name an earlier statement gave a
 * constraint is no table, so the rename keeps every row; a table, or a constraint since dropped, is still reported.
 */
class LinterConstraintRenameTest {

    @TempDir
    Path project;

    @Test
    void spRenameOfAKnownConstraintRenamesNoTable() throws IOException {
        write("db/V1__init.sql", """
                CREATE TABLE dbo.job (id INT NOT NULL, CONSTRAINT [PK_job_id] PRIMARY KEY (id));
                ALTER TABLE dbo.job ADD CONSTRAINT UQ_job_old UNIQUE (id);
                ALTER TABLE dbo.job ADD CONSTRAINT UQ_job_gone UNIQUE (id);
                ALTER TABLE dbo.job DROP CONSTRAINT UQ_job_gone;
                CREATE TABLE dbo.other (id INT);
                """);
        write("db/V2__names.sql", """
                EXEC sp_rename N'[dbo].[PK_job_id]', N'PK_job', N'OBJECT';
                EXEC sp_rename 'dbo.UQ_job_old', 'UQ_job', 'OBJECT';
                EXEC sp_rename 'dbo.UQ_job_gone', 'UQ_job_2', 'OBJECT';
                EXEC sp_rename 'dbo.other', 'other_2';
                """);

        List<Finding> findings = renames();

        assertEquals(List.of(3, 4), findings.stream().map(f -> f.location().line()).toList(), findings.toString());
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }

    private List<Finding> renames() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("db")));
        LintResult result = new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(),
                List.of(), Dialect.SQLSERVER, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 1));
        return result.findings().stream().filter(f -> f.ruleId().equals("rename-table")).toList();
    }
}
