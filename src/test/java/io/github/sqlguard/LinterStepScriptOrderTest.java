package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrade folders that split a release into {@code schema_update_before.sql} and {@code schema_update_after.sql}
 * (around a data migration in code) run the "before" script first, though its name sorts after:
 * a procedure it creates and the "after" script calls is followed at that call. A DDL script's post step
 * ({@code app_ddl_post.sql}) runs after the folder's DML script ({@code app_dml.sql}), whose copies it then sees.
 */
class LinterStepScriptOrderTest {

    @TempDir
    Path project;

    @Test
    void theAfterScriptCallsWhatTheBeforeScriptCreated() throws IOException {
        TestProject.write(project, "upgrade/3.4.1/schema_update_before.sql", """
                CREATE OR REPLACE PROCEDURE purge_old_audit_log()
                    LANGUAGE plpgsql AS
                $$
                BEGIN
                    DELETE FROM old_audit_log;
                END;
                $$;
                """);
        TestProject.write(project, "upgrade/3.4.1/schema_update_after.sql",
                "CALL purge_old_audit_log();\nDROP PROCEDURE IF EXISTS purge_old_audit_log;\n");

        assertEquals(List.of("upgrade/3.4.1/schema_update_after.sql:1:1 delete-without-where ERROR",
                "upgrade/3.4.1/schema_update_before.sql:5:5 delete-without-where INFO"), severities(lint()));
    }

    @Test
    void thePostDdlScriptDropsAfterTheDmlScriptCopied() throws IOException {
        TestProject.write(project, "upgrade/3.2.0_schema/postgresql/app_ddl.sql", """
                CREATE TABLE schedules (id int PRIMARY KEY, tenant_id int);
                ALTER TABLE schedules ADD COLUMN tenant_code varchar(64);
                """);
        TestProject.write(project, "upgrade/3.2.0_schema/postgresql/app_dml.sql",
                "UPDATE schedules SET tenant_code = CAST(tenant_id AS varchar) WHERE tenant_code IS NULL;\n");
        TestProject.write(project, "upgrade/3.2.0_schema/postgresql/app_ddl_post.sql",
                "ALTER TABLE schedules DROP COLUMN tenant_id;\n");

        List<String> drops = TestProject.messagesOf(lint(), "drop-column");
        assertEquals(1, drops.size(), drops.toString());
        assertTrue(drops.get(0).startsWith("upgrade/3.2.0_schema/postgresql/app_ddl_post.sql:1:"), drops.get(0));
        assertTrue(drops.get(0).contains("copied to tenant_code at line 1 of app_dml.sql"), drops.get(0));
    }

    private static List<String> severities(LintResult result) {
        return result.findings().stream().map(f -> f.location() + " " + f.ruleId() + " " + f.severity()).sorted()
                .toList();
    }

    private LintResult lint() {
        LintConfig defaults = LintConfig.defaults(project, List.of(project.resolve("upgrade")));
        return new Linter().run(new LintConfig(project, defaults.directories(), defaults.includes(), List.of(),
                Dialect.POSTGRESQL, StandardCharsets.UTF_8, Map.of(), List.of(), defaults.flyway(),
                defaults.liquibase(), List.of(), null, defaults.maxFileBytes(), 2), null);
    }
}
