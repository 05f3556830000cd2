package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table named through a psql variable ({@code :schema.jobs}, as graphile-worker writes every name) is the same
 * table to the replay in every later script, so a later change is judged against the columns it knows.
 */
class LinterPsqlVariableNamesTest {

    @TempDir
    Path project;

    @Test
    void aLaterScriptNarrowingAColumnNamesBothTypes() throws IOException {
        write("db/V1__init.sql", "create table :schema.jobs (id bigserial primary key, attempts int not null);\n");
        write("db/V2__narrow.sql", "alter table :schema.jobs alter column attempts type int2;\n");

        assertEquals(List.of("1:26 alter-column-type ALTER TABLE :schema.jobs changes the type of column attempts"
                        + " from int to int2 (narrower integer)"),
                ProjectLint.findings(project, Dialect.POSTGRESQL).stream().map(ProjectLint::placeAndMessage).toList());
    }

    @Test
    void aLaterScriptWideningAColumnIsNotReported() throws IOException {
        write("db/V1__init.sql", "create table :\"schema\".jobs (id bigserial primary key, note varchar(100));\n");
        write("db/V2__widen.sql", "alter table :\"schema\".jobs alter column note type varchar(200);\n");

        assertEquals(List.of(), ProjectLint.findings(project, Dialect.POSTGRESQL));
    }

    private void write(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql, StandardCharsets.UTF_8);
    }
}
