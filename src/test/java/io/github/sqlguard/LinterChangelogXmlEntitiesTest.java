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
 * The SQL of an XML element holds an entity reference as the one character Liquibase reads: {@code &lt;&gt;} is
 * the operator {@code <>} and {@code &lt;=} is {@code <=}, while every finding still points at the line and
 * column of the file, where the reference takes several characters.
 */
class LinterChangelogXmlEntitiesTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "delete from audit where 1 &lt;&gt; 2"
            + " | db/changelog.xml:4:10 always-true-where DELETE with an always-true WHERE removes every row of audit"
            + " (changeset a:2)",
        "delete from audit where 2 &gt;= 1"
            + " | db/changelog.xml:4:10 always-true-where DELETE with an always-true WHERE removes every row of audit"
            + " (changeset a:2)",
        "delete from audit where id &lt;= 10 | ''",
        "delete from audit where msg &lt;&gt; 'a&amp;b' | ''",
        "update audit set msg = 'a&amp;b' where id &lt;&gt; 3; delete from audit"
            + " | db/changelog.xml:4:64 delete-without-where DELETE without WHERE removes every row of audit"
            + " (changeset a:2)",
        "<![CDATA[delete from audit where msg = '&lt;']]>; delete from audit where 1 &lt;&gt; 2"
            + " | db/changelog.xml:4:60 always-true-where DELETE with an always-true WHERE removes every row of audit"
            + " (changeset a:2)",
    })
    void anEntityReferenceIsOneCharacterOfTheSqlAtItsPlaceInTheFile(String sql, String expected) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a" dbms="mysql"><addColumn tableName="audit"><column name="x" type="int"/></addColumn></changeSet>
                  <changeSet id="2" author="a">
                    <sql>%s</sql>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(sql));

        List<String> found = TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(expected.isEmpty() ? List.of() : List.of(expected), found);
    }

    /** Lines end in CRLF and the entity stands on an earlier line: the statement after it keeps its line. */
    @Test
    void aStatementAfterAnEntityOnAnEarlierCrlfLineKeepsItsLineAndColumn() throws IOException {
        TestProject.write(project, "db/changelog.xml", String.join("\r\n",
                "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">",
                "  <changeSet id=\"1\" author=\"a\">",
                "    <sql>update audit set msg = 'x' where id &gt;= 10;",
                "\tdelete from audit where 1 &lt;&gt; 2</sql>",
                "  </changeSet>",
                "</databaseChangeLog>", ""));

        List<String> found = TestProject.lint(project, Dialect.POSTGRESQL).findings().stream()
                .map(LinterChangelogChangesTest::line).toList();

        assertEquals(List.of("db/changelog.xml:4:2 always-true-where DELETE with an always-true WHERE removes every"
                + " row of audit (changeset a:1)"), found);
    }
}
