package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At most one arm of an {@code IF .. ELSIF .. ELSE} runs: the schema replay judges each arm against the tables as the
 * IF found them, and after {@code END IF} forgets what any arm may have changed.
 */
class LinterIfArmsReplayTest {

    private static final String CREATE_TABLE = "CREATE TABLE posts (id int, fileids varchar(500), props text);\n";

    @TempDir
    Path project;

    @Test
    void theElseArmIsJudgedAgainstTheTypeBeforeTheIf() throws IOException {
        write("db/V1__posts.sql", CREATE_TABLE);
        write("db/V2__narrow.sql", doBlock("""
                IF legacy THEN
                    ALTER TABLE posts ALTER COLUMN fileids TYPE varchar(300), DROP COLUMN props;
                ELSE
                    ALTER TABLE posts ALTER COLUMN fileids TYPE varchar(300);
                END IF;
                """));

        assertEquals(List.of(
                "db/V2__narrow.sql:4:23 alter-column-type ALTER TABLE posts changes the type of column fileids from"
                        + " varchar(500) to varchar(300) (shorter: 500 to 300 characters) (inside DO block)",
                "db/V2__narrow.sql:4:63 drop-column ALTER TABLE posts drops column props (inside DO block)",
                "db/V2__narrow.sql:6:23 alter-column-type ALTER TABLE posts changes the type of column fileids from"
                        + " varchar(500) to varchar(300) (shorter: 500 to 300 characters) (inside DO block)"),
                describe(lint()));
    }

    @Test
    void everyElsifArmStartsFromTheTablesTheIfFound() throws IOException {
        write("db/V1__posts.sql", CREATE_TABLE);
        write("db/V2__narrow.sql", doBlock("""
                IF a THEN
                    ALTER TABLE posts ALTER COLUMN fileids TYPE text;
                ELSIF b THEN
                    ALTER TABLE posts ALTER COLUMN fileids TYPE varchar(1000);
                ELSE
                    ALTER TABLE posts ALTER COLUMN fileids TYPE varchar(20);
                END IF;
                """));

        assertEquals(List.of("db/V2__narrow.sql:8:23 alter-column-type ALTER TABLE posts changes the type of column"
                + " fileids from varchar(500) to varchar(20) (shorter: 500 to 20 characters) (inside DO block)"),
                describe(lint()));
    }

    @Test
    void afterTheIfAColumnAnyArmChangedHasNoKnownType() throws IOException {
        write("db/V1__posts.sql", CREATE_TABLE);
        write("db/V2__widen.sql", doBlock("""
                IF a THEN
                    ALTER TABLE posts ALTER COLUMN fileids TYPE text;
                ELSE
                    ALTER TABLE posts ALTER COLUMN props TYPE text;
                END IF;
                """));
        write("db/V3__back.sql", "ALTER TABLE posts ALTER COLUMN fileids TYPE varchar(500);\n");

        List<String> findings = describe(lint());
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("db/V3__back.sql:1:19 alter-column-type ALTER TABLE posts changes the"
                + " type of column fileids to varchar(500) (its type before is not known: column fileids of table"
                + " posts is changed in a branch ending at"), findings.get(0));
    }

    /** The ELSE of a CASE inside the THEN arm belongs to the CASE: it runs after what the arm did before it. */
    @Test
    void theElseOfACaseInsideAnArmIsNotAnotherArmOfTheIf() throws IOException {
        write("db/V1__posts.sql", CREATE_TABLE);
        write("db/V2__case.sql", doBlock("""
                IF a THEN
                    ALTER TABLE posts ALTER COLUMN fileids TYPE text;
                    CASE WHEN b THEN
                        NULL;
                    ELSE
                        ALTER TABLE posts ALTER COLUMN fileids TYPE varchar(200);
                    END CASE;
                END IF;
                """));

        List<String> findings = describe(lint());
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("db/V2__case.sql:8:27 alter-column-type"), findings.get(0));
        assertTrue(!findings.get(0).contains("from varchar(500)"), findings.get(0));
    }

    /** A statement after an inner IF is still in the outer THEN arm: the outer ELSE starts from the outer IF. */
    @Test
    void anInnerIfDoesNotEndTheArmItSitsIn() throws IOException {
        write("db/V1__posts.sql", CREATE_TABLE);
        write("db/V2__nested.sql", doBlock("""
                IF a THEN
                    IF b THEN
                        ALTER TABLE posts ALTER COLUMN props TYPE varchar(10);
                    END IF;
                    ALTER TABLE posts ALTER COLUMN fileids TYPE text;
                ELSE
                    ALTER TABLE posts ALTER COLUMN fileids TYPE varchar(50);
                END IF;
                """));

        List<String> findings = describe(lint());
        assertEquals(List.of("db/V2__nested.sql:5:27", "db/V2__nested.sql:9:23"),
                findings.stream().map(f -> f.substring(0, f.indexOf(' '))).toList());
        assertTrue(findings.get(1).contains("from varchar(500) to varchar(50)"), findings.get(1));
    }

    private static String doBlock(String body) {
        return "DO $$\nBEGIN\n" + body + "END $$;\n";
    }

    private static List<String> describe(LintResult result) {
        return result.findings().stream().map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList();
    }

    private void write(String path, String text) throws IOException {
        TestProject.write(project, path, text);
    }

    private LintResult lint() {
        return TestProject.lint(project, Dialect.POSTGRESQL);
    }
}
