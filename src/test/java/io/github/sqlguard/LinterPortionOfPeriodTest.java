package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SQL:2011's {@code DELETE FROM t FOR PORTION OF p FROM a TO b} and {@code UPDATE t FOR PORTION OF p FROM a TO b SET
 * ..} (MariaDB's application-time periods, Db2's business time) change only the rows whose period overlaps that
 * range, trimming those that reach past it: the range limits them as a WHERE would, so neither is reported as
 * changing every row, nor left to the parser, which does not know the clause.
 */
class LinterPortionOfPeriodTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(names = {"MARIADB", "AUTO"})
    void aPortionOfAPeriodLimitsTheRowsLikeAWhere(Dialect dialect) throws IOException {
        TestProject.write(project, "db/migration/V1__prices.sql", """
                CREATE TABLE price (
                  id INT NOT NULL,
                  amount DECIMAL(10, 2),
                  valid_from DATE NOT NULL,
                  valid_to DATE NOT NULL,
                  PERIOD FOR valid_period (valid_from, valid_to)
                );
                """);
        TestProject.write(project, "db/migration/V2__withdraw_2020.sql", """
                DELETE FROM price FOR PORTION OF valid_period FROM '2020-01-01' TO '2021-01-01';
                UPDATE price FOR PORTION OF valid_period
                    FROM DATE '2021-01-01' TO DATE '2022-01-01' SET amount = amount * 1.1;
                DELETE FROM price FOR PORTION OF valid_period FROM '2019-01-01' TO '2020-01-01' WHERE id = 7;
                DELETE FROM price;
                """);

        assertEquals(List.of("db/migration/V2__withdraw_2020.sql:5:1 delete-without-where"),
                TestProject.lint(project, dialect).findings().stream()
                        .map(f -> f.location() + " " + f.ruleId()).toList());
    }
}
