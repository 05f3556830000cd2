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

    @Test
    void changeSetCommentIsPlacedOnEachStatementLine() {
        Script script = XmlChangelogTest.read("""
                <databaseChangeLog>
                  <changeSet id="1" author="a">
                    <comment>sqlguard:allow delete-without-where
                       reason: cache table</comment>
                    <delete tableName="cache"/>
                    <sql>UPDATE x SET y = 1;
                    DELETE FROM z</sql>
                  </changeSet>
                </databaseChangeLog>
                """, LiquibaseOptions.defaults()).scripts().get(0).script();
        String text = "-- sqlguard:allow delete-without-where reason: cache table";
        assertEquals(List.of("5:1 " + text, "6:1 " + text, "7:1 " + text), comments(script));
        Token first = script.comments().get(0);
        assertEquals(TokenType.COMMENT, first.type());
    }

    @Test
    void xmlCommentBeforeAChangeAppliesToThatChangeOnly() {
        Script script = XmlChangelogTest.read("""
                <databaseChangeLog>
                  <changeSet id="1" author="a">
                    <!-- sqlguard:allow drop-table reason: replaced by v2 -->
                    <dropTable tableName="old"/>
                    <dropTable tableName="other"/>
                  </changeSet>
                </databaseChangeLog>
                """, LiquibaseOptions.defaults()).scripts().get(0).script();
        assertEquals(List.of("4:1 -- sqlguard:allow drop-table reason: replaced by v2"), comments(script));
        assertEquals(4, script.statements().get(0).start().line());
    }

    @Test
    void yamlCommentKeyActsLikeTheXmlElement() {
        Script script = YamlChangelogTest.read("c.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      comment: "sqlguard:allow drop-table reason: retired"
                      changes:
                        - dropTable:
                            tableName: t
                """, LiquibaseOptions.defaults()).scripts().get(0).script();
        assertEquals(List.of("7:1 -- sqlguard:allow drop-table reason: retired"), comments(script));
    }

    @Test
    void xmlCommentBeforeAChangeSetAppliesToAllItsStatements() {
        Script script = XmlChangelogTest.read("""
                <databaseChangeLog>
                  <!-- sqlguard:allow drop-table reason: cleanup release -->
                  <changeSet id="1" author="a">
                    <dropTable tableName="a"/>
                    <dropTable tableName="b"/>
                  </changeSet>
                </databaseChangeLog>
                """, LiquibaseOptions.defaults()).scripts().get(0).script();
        assertEquals(List.of("4:1 -- sqlguard:allow drop-table reason: cleanup release",
                "5:1 -- sqlguard:allow drop-table reason: cleanup release"), comments(script));
    }

    @Test
    void fileWideAcknowledgementsStandBeforeTheFirstStatement() {
        Script xml = XmlChangelogTest.read("""
                <?xml version="1.0"?>
                <!-- sqlguard:allow-file drop-table reason: test fixtures -->
                <databaseChangeLog>
                  <changeSet id="1" author="a"><dropTable tableName="a"/></changeSet>
                </databaseChangeLog>
                """, LiquibaseOptions.defaults()).scripts().get(0).script();
        assertEquals(List.of("1:1 -- sqlguard:allow-file drop-table reason: test fixtures"), comments(xml));
        Script sql = FormattedSqlReader.read("db/x.sql", """
                --liquibase formatted sql
                -- sqlguard:allow-file drop-table reason: test fixtures
                --changeset a:1
                DROP TABLE a;
                """, LiquibaseOptions.defaults()).script();
        assertEquals(List.of("2:1 -- sqlguard:allow-file drop-table reason: test fixtures"), comments(sql));
    }
}
