package io.github.sqlguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which databases a changeset's dbms, context and labels let it run on. */
class DatabaseScopeTest {

    @ParameterizedTest(name = "dbms={0} context={1} on {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-                  | -                       | postgresql | true",
        "postgresql         | -                       | postgresql | true",
        "postgresql         | -                       | mysql      | false",
        "postgresql         | -                       | ''         | false",
        "'mysql, mariadb'   | -                       | mariadb    | true",
        "!h2                | -                       | h2         | false",
        "!h2                | -                       | ''         | true",
        "all                | -                       | oracle     | true",
        "none               | -                       | oracle     | false",
        "'all, !h2'         | -                       | h2         | true",
        "'oracle, none'     | -                       | oracle     | false",
        "-                  | mysql                   | mysql      | true",
        "-                  | postgres                | postgresql | true",
        "-                  | mysql                   | postgresql | false",
        "-                  | h2 or hsqldb            | hsqldb     | true",
        "-                  | tenant_db AND !initial  | postgresql | true",
        "-                  | prod                    | ''         | true",
        "mysql              | postgresql              | mysql      | false",
        "'mysql,postgresql' | postgresql              | postgresql | true",
    })
    void includes(String dbms, String context, String database, boolean runs) {
        assertEquals(runs, DatabaseScope.of(dbms, context, null).includes(database));
    }

    @ParameterizedTest(name = "changeset dbms={0}, change dbms={1}: runs nowhere {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "none               | -                  | true",
        "-                  | -                  | false",
        "!postgresql        | postgresql         | true",
        "!postgresql        | mysql              | false",
        "'mysql, h2'        | postgresql         | true",
        "'mysql, h2'        | 'h2, postgresql'   | false",
        "mysql              | -                  | false",
        "-                  | none               | true",
    })
    void runsNowhere(String changeSetDbms, String changeDbms, boolean nowhere) {
        DatabaseScope changeSet = DatabaseScope.of(changeSetDbms, null, null);
        DatabaseScope scope = changeDbms == null ? changeSet : changeSet.within(changeDbms);
        assertEquals(nowhere, scope.runsNowhere());
    }
}
