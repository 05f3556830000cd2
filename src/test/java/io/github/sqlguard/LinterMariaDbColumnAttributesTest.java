package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB's column attributes after a type are no part of it: {@code WITH SYSTEM VERSIONING} and {@code WITHOUT
 * SYSTEM VERSIONING} say whether the column's changes are kept in a system-versioned table's history,
 * {@code COMPRESSED [= zlib]} that its values are stored compressed. A longer type written with them is still a
 * widening, and a shorter one is compared by its length.
 */
class LinterMariaDbColumnAttributesTest {

    @TempDir
    Path project;

    @Test
    void versioningWordsAfterAColumnTypeAreNoPartOfIt() throws IOException {
        TestProject.write(project, "db/migration/V1__audit.sql", """
                CREATE TABLE audit_trail (
                  id BIGINT PRIMARY KEY,
                  hits INT WITHOUT SYSTEM VERSIONING,
                  note VARCHAR(100) WITH SYSTEM VERSIONING,
                  body VARCHAR(100),
                  created TIMESTAMP WITH TIME ZONE
                ) WITH SYSTEM VERSIONING;
                ALTER TABLE audit_trail ADD COLUMN tag VARCHAR(50) WITHOUT SYSTEM VERSIONING;
                """);
        TestProject.write(project, "db/migration/V2__widen.sql", """
                ALTER TABLE audit_trail MODIFY hits BIGINT;
                ALTER TABLE audit_trail MODIFY note VARCHAR(200);
                ALTER TABLE audit_trail MODIFY body VARCHAR(200) WITHOUT SYSTEM VERSIONING;
                ALTER TABLE audit_trail CHANGE tag label VARCHAR(60) WITH SYSTEM VERSIONING;
                ALTER TABLE audit_trail MODIFY label VARCHAR(20) WITHOUT SYSTEM VERSIONING;
                """);

        assertEquals(List.of("db/migration/V2__widen.sql:4:25 rename-column ALTER TABLE audit_trail renames column tag"
                + " to label",
                "db/migration/V2__widen.sql:5:25 alter-column-type ALTER TABLE audit_trail changes the type of column"
                + " label from VARCHAR(60) to VARCHAR(20) (shorter: 60 to 20 characters)"),
                TestProject.lint(project, Dialect.MARIADB).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList());
    }

    @Test
    void compressedAfterAColumnTypeIsNoPartOfIt() throws IOException {
        TestProject.write(project, "db/migration/V1__docs.sql", """
                CREATE TABLE docs (
                  id BIGINT PRIMARY KEY,
                  body TEXT COMPRESSED,
                  raw BLOB COMPRESSED=zlib,
                  title VARCHAR(200) COMPRESSED NOT NULL
                );
                """);
        TestProject.write(project, "db/migration/V2__widen.sql", """
                ALTER TABLE docs MODIFY body MEDIUMTEXT COMPRESSED;
                ALTER TABLE docs MODIFY raw LONGBLOB COMPRESSED=zlib;
                ALTER TABLE docs MODIFY title VARCHAR(80) COMPRESSED NOT NULL;
                """);

        assertEquals(List.of("db/migration/V2__widen.sql:3:18 alter-column-type ALTER TABLE docs changes the type of"
                + " column title from VARCHAR(200) to VARCHAR(80) (shorter: 200 to 80 characters)"),
                TestProject.lint(project, Dialect.MARIADB).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList());
    }
}
