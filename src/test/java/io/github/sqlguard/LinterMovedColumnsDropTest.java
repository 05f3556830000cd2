package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One ALTER TABLE drops a column whose every value a copy took to another table beside the row's primary key, and a
 * column it took only from some rows: the statement still loses values, so both findings stay errors, and each says
 * where its column's values went, the first that only the other drops keep it from being guarded.
 */
class LinterMovedColumnsDropTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            id          | DROP COLUMN target, DROP COLUMN weight | ERROR ALTER TABLE filters drops column target (values of target copied to rules at line 1 with their rows' key, but the statement also drops weight, whose values copies kept only in part)
            id          | DROP COLUMN weight, DROP COLUMN target | ERROR ALTER TABLE filters drops column target (values of target copied to rules at line 1 with their rows' key, but the statement also drops weight, whose values copies kept only in part)
            tenant      | DROP COLUMN target, DROP COLUMN weight | ERROR ALTER TABLE filters drops column target (values of target copied to rules at line 1, without the key of filters beside them)
            """)
    void eachDroppedColumnIsJudgedByWhereItsValuesWent(String key, String drops, String target) throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE filters (id BIGINT PRIMARY KEY, tenant VARCHAR(40) NOT NULL, target BIGINT,
                    weight INT NOT NULL);
                CREATE TABLE rules (id BIGINT PRIMARY KEY, tenant VARCHAR(40), target BIGINT, weight INT);
                """);
        TestProject.write(project, "db/V2__move.sql", """
                INSERT INTO rules (%1$s, target, weight) SELECT %1$s, target, weight FROM filters
                WHERE target IS NOT NULL;
                ALTER TABLE filters %2$s;
                """.formatted(key, drops));

        List<String> findings = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-column")).map(f -> f.severity() + " " + f.message())
                .sorted(Comparator.comparing(message -> !message.contains("column target"))).toList();

        assertEquals(List.of(target, "ERROR ALTER TABLE filters drops column weight (values of weight copied to rules"
                + " at line 1, only from the rows its WHERE selects)"), findings);
    }
}
