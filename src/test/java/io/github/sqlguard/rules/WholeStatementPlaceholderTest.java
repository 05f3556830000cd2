package io.github.sqlguard.rules;

import io.github.sqlguard.model.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A statement that is only a placeholder without a value becomes whatever text the deploy gives it: it is reported
 * as SQL that was not read, never passed as a statement that changes nothing.
 */
class WholeStatementPlaceholderTest {

    private static final String UNREAD = " runs SQL that is built at run time; sqlguard could not read all of it, so"
            + " what it runs was not fully checked";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "POSTGRESQL | ${purge_statement};\\nDELETE FROM t WHERE id = 1; | 1:1 runtime-sql ${purge_statement}" + UNREAD,
        "MYSQL | SELECT 1;\\n${cleanup}; | 2:1 runtime-sql ${cleanup}" + UNREAD,
        "POSTGRESQL | DELETE FROM t WHERE id = ${id}; | -",
        "POSTGRESQL | {{ if .Drop }}; | -",
        "POSTGRESQL | {{ .Statement }};\\nDELETE FROM t WHERE id = 1; | 1:1 runtime-sql {{ .Statement }}" + UNREAD,
        "POSTGRESQL | {{ if .Purge }}\\n{{ template \"purge\" . }}\\n{{ end }} | 2:1 runtime-sql"
                + " {{ template \"purge\" . }}" + UNREAD,
        "POSTGRESQL | {{/* remove the rows of old sessions */}}\\nDELETE FROM t WHERE id = 1; | -",
        "POSTGRESQL | {% include 'purge.sql' %}\\nDELETE FROM t WHERE id = 1; | 1:1 runtime-sql"
                + " {% include 'purge.sql' %}" + UNREAD,
    })
    void aLonePlaceholderIsReportedAsUnreadSql(Dialect dialect, String sql, String expected) {
        RulePipeline.assertHits(dialect, sql, expected);
    }
}
