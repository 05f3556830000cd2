package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A PostgreSQL cast to an enum converts only a text that is exactly one of its labels and fails the statement on
 * any other value, so an UPDATE that fills a column through such a cast keeps every value as it is: the way
 * hand-written Prisma migrations turn a text column into an enum (rename it away, add it again with the enum type,
 * copy the values back through the cast, drop the old one) loses nothing. A cast to a type that is no enum the
 * replay knows still only converts.
 */
class LinterEnumCastCopyTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "old_p"::"PeriodType"                 | INFO drop-column ALTER TABLE "EventType" drops column "old_p" (guarded: values of old_p copied to p at line 4 by a cast to enum "PeriodType", which keeps each value as it is or fails)
            CAST( "old_p" AS "PeriodType" )        | INFO drop-column ALTER TABLE "EventType" drops column "old_p" (guarded: values of old_p copied to p at line 4 by a cast to enum "PeriodType", which keeps each value as it is or fails)
            "old_p"::text::"PeriodType"           | INFO drop-column ALTER TABLE "EventType" drops column "old_p" (guarded: values of old_p copied to p at line 4 by a cast to enum "PeriodType", which keeps each value as it is or fails)
            "old_p"::int::"PeriodType"            | ERROR drop-column ALTER TABLE "EventType" drops column "old_p" (values of old_p converted to p at line 4 by a cast, which may change them)
            "old_p"::"Period"                     | ERROR drop-column ALTER TABLE "EventType" drops column "old_p" (values of old_p converted to p at line 4 by a cast, which may change them)
            """)
    void aCastToAnEnumCopiesTheValues(String cast, String drop) throws IOException {
        String sql = """
                CREATE TYPE "PeriodType" AS ENUM ('unlimited', 'rolling', 'range');
                ALTER TABLE "EventType" RENAME COLUMN "p" TO "old_p";
                ALTER TABLE "EventType" ADD COLUMN "p" "PeriodType" NOT NULL DEFAULT 'unlimited';
                UPDATE "EventType" SET "p" = %s;
                ALTER TABLE "EventType" DROP COLUMN "old_p";
                """.formatted(cast);
        List<String> drops = ProjectLint.findingsOfScript(project, Dialect.POSTGRESQL, sql).stream()
                .filter(f -> f.ruleId().equals("drop-column"))
                .map(f -> f.severity() + " " + f.ruleId() + " " + f.message()).toList();

        assertEquals(List.of(drop), drops);
    }

    @Test
    void theRenameThatFreesTheNameIsGuardedWhenTheCastCopiesEveryValueBack() throws IOException {
        String sql = """
                CREATE TYPE "PeriodType" AS ENUM ('unlimited', 'rolling', 'range');
                ALTER TABLE "EventType" RENAME COLUMN "p" TO "old_p";
                ALTER TABLE "EventType" ADD COLUMN "p" "PeriodType";
                UPDATE "EventType" SET "p" = CAST("old_p" AS "PeriodType");
                """;
        List<String> renames = ProjectLint.findingsOfScript(project, Dialect.POSTGRESQL, sql).stream()
                .filter(f -> f.ruleId().equals("rename-column")).map(f -> f.severity() + " " + f.message()).toList();

        assertEquals(List.of("INFO ALTER TABLE \"EventType\" renames column \"p\" to \"old_p\" (guarded: column p is"
                + " added again at line 3 and every value copied back at line 4)"), renames);
    }

    @Test
    void anEnumAnEarlierMigrationCreatedAndRenamedCountsAndOneItDroppedDoesNot() throws IOException {
        TestProject.write(project, "db/migration/V1__types.sql", """
                CREATE TABLE t (id INT PRIMARY KEY, a TEXT, b TEXT);
                CREATE TYPE "Kind_new" AS ENUM ('x', 'y');
                ALTER TYPE "Kind_new" RENAME TO "Kind";
                CREATE TYPE "Gone" AS ENUM ('x');
                DROP TYPE "Gone";
                """);
        TestProject.write(project, "db/migration/V2__fill.sql", """
                ALTER TABLE t ADD COLUMN a_kind "Kind", ADD COLUMN b_kind TEXT;
                UPDATE t SET a_kind = a::"Kind", b_kind = b::"Gone";
                ALTER TABLE t DROP COLUMN a;
                ALTER TABLE t DROP COLUMN b;
                """);

        List<String> drops = TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .filter(f -> f.ruleId().equals("drop-column")).map(f -> f.severity() + " " + f.message()).toList();

        assertEquals(List.of("INFO ALTER TABLE t drops column a (guarded: values of a copied to a_kind at line 2 by a"
                + " cast to enum \"Kind\", which keeps each value as it is or fails)",
                "ERROR ALTER TABLE t drops column b (values of b converted to b_kind at line 2 by a cast, which may"
                        + " change them)"), drops);
    }
}
