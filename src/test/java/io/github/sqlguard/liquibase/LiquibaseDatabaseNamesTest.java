package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LiquibaseDatabaseNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            postgres                | 'postgres' (did you mean postgresql?)
            PG                      | 'PG' (did you mean postgresql?)
            sqlserver               | 'sqlserver' (did you mean mssql?)
            h2, hsql                | 'hsql' (did you mean hsqldb?)
            !h2, ! postgressql      | 'postgressql' (did you mean postgresql?)
            msql                    | 'msql' (did you mean mssql or mysql?)
            oralce                  | 'oralce' (did you mean oracle?)
            mysql8                  | 'mysql8' (did you mean mysql?)
            mssql2008               | 'mssql2008' (did you mean mssql?)
            oracle_12c              | 'oracle_12c' (did you mean oracle?)
            """)
    void aSlipNamesTheDatabaseMeant(String dbms, String slip) {
        assertEquals(List.of(slip), LiquibaseDatabaseNames.slips(dbms));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "PostgreSQL, mssql", "!h2", "all", "none", "db2z", "db2i", "clickhouse",
        "foo", "thisDbWillNeverExist", "testdb", "${db.type}", "", " , "})
    void knownNamesAndNamesFarFromAnyAreNoSlip(String dbms) {
        assertEquals(List.of(), LiquibaseDatabaseNames.slips(dbms));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres,sqlserver"})
    void everySlipOfAListIsNamed(String dbms) {
        assertEquals(List.of("'postgres' (did you mean postgresql?)", "'sqlserver' (did you mean mssql?)"),
                LiquibaseDatabaseNames.slips(dbms));
    }

    /** The replay keeps what the changeset names that sqlguard reads as a database; null stands for every one. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            posgresql               | NULL
            !posgresql              | NULL
            posgresql, mysql        | ' mysql'
            mysql, !oralce          | mysql
            msql                    | NULL
            postgres                | postgres
            foo                     | foo
            postgresql, !h2         | 'postgresql, !h2'
            ${db.kind}              | ${db.kind}
            """)
    void aSlipIsLeftOutOfTheDatabasesReplayed(String dbms, String kept) {
        assertEquals(kept, LiquibaseDatabaseNames.withoutSlips(dbms));
    }
}
