package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangelogAcknowledgementTest {

    private static List<String> comments(Script script) {
        return script.comments().stream().map(t -> t.line() + ":" + t.column() + " " + t.text()).toList();
    }

    /** Each acknowledgement written outside SQL, where it stands, and the lines of the statements it covers. */
    static List<String> attached(ChangelogScript script) {
        return script.attachedComments().stream().map(c -> c.comment().line() + ":" + c.comment().column() + " "
                + c.comment().text() + " -> " + c.statements().stream().map(s -> s.start().line()).toList()).toList();
    }

    @Test
    void changeSetCommentCoversEachStatementOfTheChangeSet() {
        ChangelogScript script = XmlChangelogTest.read("""
                <databaseChangeLog>
                  <changeSet id="1" author="a">
                    <comment>sqlguard:allow delete-without-where
                       reason: cache table</comment>
                    <delete tableName="cache"/>
                    <sql>UPDATE x SET y = 1;
                    DELETE FROM z</sql>
                  </changeSet>
                </databaseChangeLog>
                """, LiquibaseOptions.defaults()).scripts().get(0);
        assertEquals(List.of("3:14 -- sqlguard:allow delete-without-where reason: cache table -> [5, 6, 7]"),
                attached(script));
        assertEquals(TokenType.COMMENT, script.attachedComments().get(0).comment().type());
        assertEquals(List.of(), script.script().comments(), "nothing is placed among the statements");
    }

    @Test
    void xmlCommentBeforeAChangeAppliesToThatChangeOnly() {
        ChangelogScript script = XmlChangelogTest.read("""
                <databaseChangeLog>
                  <changeSet id="1" author="a">
                    <!-- sqlguard:allow drop-table reason: replaced by v2 -->
                    <dropTable tableName="old"/>
                    <dropTable tableName="other"/>
                  </changeSet>
                </databaseChangeLog>
                """, LiquibaseOptions.defaults()).scripts().get(0);
        assertEquals(List.of("3:5 -- sqlguard:allow drop-table reason: replaced by v2 -> [4]"), attached(script));
    }

    @Test
    void yamlCommentKeyActsLikeTheXmlElement() {
        ChangelogScript script = YamlChangelogTest.read("c.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      comment: "sqlguard:allow drop-table reason: retired"
                      changes:
                        - dropTable:
                            tableName: t
                """, LiquibaseOptions.defaults()).scripts().get(0);
        assertEquals(List.of("5:17 -- sqlguard:allow drop-table reason: retired -> [7]"), attached(script));
    }

    @Test
    void xmlCommentBeforeAChangeSetAppliesToAllItsStatements() {
        ChangelogScript script = XmlChangelogTest.read("""
                <databaseChangeLog>
                  <!-- sqlguard:allow drop-table reason: cleanup release -->
                  <changeSet id="1" author="a">
                    <dropTable tableName="a"/>
                    <dropTable tableName="b"/>
                  </changeSet>
                </databaseChangeLog>
                """, LiquibaseOptions.defaults()).scripts().get(0);
        assertEquals(List.of("2:3 -- sqlguard:allow drop-table reason: cleanup release -> [4, 5]"), attached(script));
    }

    @Test
    void fileWideAcknowledgementsStandWhereTheyAreWritten() {
        ChangelogScript xml = XmlChangelogTest.read("""
                <?xml version="1.0"?>
                <!-- sqlguard:allow-file drop-table reason: test fixtures -->
                <databaseChangeLog>
                  <changeSet id="1" author="a"><dropTable tableName="a"/></changeSet>
                </databaseChangeLog>
                """, LiquibaseOptions.defaults()).scripts().get(0);
        assertEquals(List.of("2:1 -- sqlguard:allow-file drop-table reason: test fixtures -> []"), attached(xml));
        Script sql = FormattedSqlReader.read("db/x.sql", """
                --liquibase formatted sql
                -- sqlguard:allow-file drop-table reason: test fixtures
                --changeset a:1
                DROP TABLE a;
                """, LiquibaseOptions.defaults()).script();
        assertEquals(List.of("2:1 -- sqlguard:allow-file drop-table reason: test fixtures"), comments(sql));
    }
}
