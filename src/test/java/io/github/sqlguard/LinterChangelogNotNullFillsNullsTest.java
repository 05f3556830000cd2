package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Liquibase's addNotNullConstraint is the {@code MODIFY c type NOT NULL} it runs on MySQL and MariaDB, judged as that
 * SQL is: reported at the element when the column may hold NULLs, silent when its {@code defaultNullValue} (the
 * {@code UPDATE .. WHERE c IS NULL} Liquibase runs first) or an earlier change filled every row. Elsewhere a NULL
 * fails the change instead of being replaced. A precondition that requires the table to be empty lowers the finding to
 * INFO, as it does for a narrower type. Each case: the dialect, the changeSet's dbms, what runs between the
 * column's creation and the constraint, the attributes of the constraint, whether it is reported.
 */
class LinterChangelogNotNullFillsNullsTest {

    private static final String FINDING = "db/changelog.xml:9:5 not-null-fills-nulls NOT NULL on nullable column"
            + " nick of users";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} dbms=''{1}'' {2} / {3}")
    @CsvSource(delimiter = '|', value = {
        // nothing filled the column
        "MYSQL      | ''         | <empty/>                                     | ''                        | reported",
        "MARIADB    | ''         | <empty/>                                     | ''                        | reported",
        "AUTO       | mysql      | <empty/>                                     | ''                        | reported",
        // Liquibase fills the NULLs with defaultNullValue before the constraint
        "MYSQL      | ''         | <empty/>                                     | defaultNullValue='anon'   | none",
        "MYSQL      | ''         | <empty/>                                     | defaultNullValue='0'      | none",
        // filled by an earlier change of its own
        "MYSQL      | ''         | <update tableName='users'><column name='nick' valueComputed='UUID()'/>"
                + "<where>nick IS NULL</where></update> | '' | none",
        "MYSQL      | ''         | <sql>UPDATE users SET nick = 'anon' WHERE nick IS NULL</sql> | ''       | none",
        "MYSQL      | ''         | <update tableName='users'><column name='nick' value='anon'/></update> | '' | none",
        "MYSQL      | ''         | <update tableName='users'><column name='nick' valueNumeric='7'/></update> | '' | none",
        "MYSQL      | ''         | <update tableName='users'><column name='nick' valueComputed='${uuid}'/>"
                + "<where>nick is null</where></update> | '' | none",
        // a fill of some rows only
        "MYSQL      | ''         | <update tableName='users'><column name='nick' value='anon'/>"
                + "<where>id = 1</where></update> | '' | reported",
        // a precondition requires the table to be empty: no row to fill
        "MYSQL      | ''         | <preConditions onFail='MARK_RAN'><sqlCheck expectedResult='0'>SELECT COUNT(*)"
                + " FROM users</sqlCheck></preConditions> | '' | guarded",
        "MYSQL      | ''         | <preConditions><tableIsEmpty tableName='users'/></preConditions> | '' | guarded",
        // elsewhere a NULL fails the change: nothing is replaced
        "POSTGRESQL | ''         | <empty/>                                     | ''                        | none",
        "SQLSERVER  | ''         | <empty/>                                     | ''                        | none",
        "AUTO       | postgresql | <empty/>                                     | ''                        | none",
    })
    void addNotNullConstraintIsJudgedAsTheModifyItRuns(Dialect dialect, String dbms, String between,
            String attributes, String expected) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <property name="uuid" value="uuid()" context="mysql"/>
                  <property name="uuid" value="uuid_generate_v4()" context="postgresql"/>
                  <changeSet id="1" author="a"><createTable tableName="users"><column name="id" type="bigint"/>
                    <column name="nick" type="varchar(20)"/></createTable></changeSet>
                  <changeSet id="2" author="a"><insert tableName="users"><column name="id" value="1"/></insert>
                  </changeSet>
                  <changeSet id="3" author="a"%s>%s
                    <addNotNullConstraint tableName="users" columnName="nick" columnDataType="varchar(20)" %s/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(dbms.isEmpty() ? "" : " dbms=\"" + dbms + "\"", between.replace('\'', '"'),
                attributes.replace('\'', '"')));

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .filter(f -> f.ruleId().equals("not-null-fills-nulls"))
                .map(f -> f.severity() + " " + f.location() + " " + f.ruleId() + " " + f.message().split(":")[0])
                .toList();

        assertEquals(switch (expected) {
            case "reported" -> List.of("WARNING " + FINDING);
            case "guarded" -> List.of("INFO " + FINDING);
            default -> List.of();
        }, found);
    }

    /**
     * Under {@code auto} the change runs on whatever database the project uses: the message says where its NULLs are
     * replaced, so a project on another database knows to set its dialect.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "AUTO  | every NULL it holds becomes the type's implicit default ('' or 0, not the DEFAULT clause) on MySQL and"
                + " MariaDB outside strict mode, and fails the statement in strict mode",
        "MYSQL | every NULL it holds becomes the type's implicit default ('' or 0, not the DEFAULT clause) outside"
                + " strict mode, and fails the statement in strict mode",
    })
    void theMessageNamesMySqlWhereTheDatabaseIsNotKnown(Dialect dialect, String consequence) throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="users"><column name="id" type="bigint"/>
                    <column name="nick" type="varchar(20)"/></createTable></changeSet>
                  <changeSet id="2" author="a"><insert tableName="users"><column name="id" value="1"/></insert>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <addNotNullConstraint tableName="users" columnName="nick" columnDataType="varchar(20)"/>
                  </changeSet>
                </databaseChangeLog>
                """);

        List<String> messages = TestProject.lint(project, dialect).findings().stream()
                .filter(f -> f.ruleId().equals("not-null-fills-nulls")).map(f -> f.message()).toList();

        assertEquals(List.of("NOT NULL on nullable column nick of users: " + consequence + " (changeset a:3)"), messages);
    }

    /**
     * A fill that runs on MySQL alone ({@code dbms} on the changeset or a dbms precondition) empties the column where
     * NOT NULL would replace its NULLs; elsewhere a NULL fails the change. A fill for another database leaves MySQL's
     * NULLs in place.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "AUTO  | dbms='mysql'                                                                      | none",
        "AUTO  | dbms='mysql,mariadb'                                                              | none",
        "AUTO  | ''><preConditions onFail='MARK_RAN'><or><dbms type='mysql'/><dbms type='oracle'/></or></preConditions | none",
        "MYSQL | dbms='mysql'                                                                      | none",
        "AUTO  | dbms='postgresql'                                                                 | reported",
        "AUTO  | dbms='oracle'                                                                     | reported",
        "MYSQL | dbms='oracle'                                                                     | reported",
    })
    void aFillForMySqlAloneEmptiesTheColumnWhereNullsAreReplaced(Dialect dialect, String fillSettings, String expected)
            throws IOException {
        String settings = fillSettings.replace('\'', '"');
        String opening = settings.startsWith("\"\">") ? settings.substring(2) : " " + settings + ">";
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="users"><column name="id" type="bigint"/>
                    <column name="nick" type="varchar(20)"/></createTable></changeSet>
                  <changeSet id="2" author="a"%s
                    <update tableName="users"><column name="nick" value="anon"/><where>nick IS NULL</where></update>
                  </changeSet>
                  <changeSet id="3" author="a">
                    <addNotNullConstraint tableName="users" columnName="nick" columnDataType="varchar(20)"/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(opening));

        List<String> found = TestProject.lint(project, dialect).findings().stream()
                .filter(f -> f.ruleId().equals("not-null-fills-nulls"))
                .map(f -> f.severity() + " " + f.location() + " " + f.ruleId()).toList();

        assertEquals(expected.equals("reported")
                ? List.of("WARNING db/changelog.xml:8:5 not-null-fills-nulls") : List.of(), found);
    }

    /**
     * A renameColumn runs MySQL's {@code CHANGE old new type}, which leaves NOT NULL out: within its changeset the
     * column still holds no NULL, but a later changeset may run a release later, after the application wrote some.
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "'' | none",
        "</changeSet><changeSet id='3' author='a'> | reported",
    })
    void aColumnMadeNullableByARenameHoldsNoNullWithinItsChangeset(String between, String expected)
            throws IOException {
        TestProject.write(project, "db/changelog.xml", """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
                  <changeSet id="1" author="a"><createTable tableName="users"><column name="id" type="bigint"/>
                    <column name="nickname" type="varchar(20)"><constraints nullable="false"/></column>
                  </createTable></changeSet>
                  <changeSet id="2" author="a">
                    <renameColumn tableName="users" oldColumnName="nickname" newColumnName="nick"
                        columnDataType="varchar(20)"/>%s
                    <addNotNullConstraint tableName="users" columnName="nick" columnDataType="varchar(20)"/>
                  </changeSet>
                </databaseChangeLog>
                """.formatted(between.replace('\'', '"')));

        List<String> found = TestProject.lint(project, Dialect.MYSQL).findings().stream()
                .filter(f -> f.ruleId().equals("not-null-fills-nulls")).map(f -> f.location().toString()).toList();

        assertEquals(expected.equals("reported") ? List.of("db/changelog.xml:8:5") : List.of(), found);
    }
}
