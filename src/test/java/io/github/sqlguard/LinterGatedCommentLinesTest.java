package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statement on a gated line ({@code -- VMYSQL4.1 ..}) is judged and located like any other. */
class LinterGatedCommentLinesTest {

    @TempDir
    Path project;

    @Test
    void aDropOnAGatedLineIsFoundWhereItStands() throws IOException {
        TestProject.write(project, "db/mysql/migration/3.0.0-3.1.0.sql", """
                -- Column rank is a reserved word
                -- VMYSQL4.1 ALTER TABLE llx_bom_bomline DROP COLUMN `rank`;
                -- VPGSQL8.2 ALTER TABLE llx_bom_bomline DROP COLUMN rank;
                -- VMYSQL4.1 DELETE T1 FROM llx_menu as T1, llx_menu as T2 WHERE T1.rowid > T2.rowid;
                --VMYSQL4.1 DELETE FROM llx_menu;
                """);

        String findings = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .map(f -> f.ruleId() + "@" + f.location().line() + ":" + f.location().column())
                .collect(Collectors.joining(" / "));

        assertEquals("drop-column@2:42", findings);
    }
}
