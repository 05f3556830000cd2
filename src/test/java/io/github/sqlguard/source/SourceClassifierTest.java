package io.github.sqlguard.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceClassifierTest {

    private final SourceClassifier classifier = new SourceClassifier();

    private SourceKind kindOf(String fileName, String text) {
        return classifier.classify(fileName, text).kind();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "V1__init.sql,          FLYWAY_VERSIONED",
        "db/migration/V1.2__x.sql, FLYWAY_VERSIONED",
        "U2__undo.sql,          FLYWAY_UNDO",
        "R__views.sql,          FLYWAY_REPEATABLE",
        "V__x.sql,              PLAIN_SQL",
        "Vabc__x.sql,           PLAIN_SQL",
        "schema.sql,            PLAIN_SQL",
        "up.sql,                PLAIN_SQL",
        "notes.txt,             PLAIN_SQL",
    })
    void classifiesSqlFilesByName(String fileName, SourceKind expected) {
        assertEquals(expected, kindOf(fileName, "DELETE FROM t;\n"));
    }

    @Test
    void exposesTheFlywayVersionAndDescription() {
        SourceClassification classification = classifier.classify("src/main/resources/db/V1_10__add_index.sql", "");

        assertEquals(Optional.of(FlywayVersion.parse("1.10")), classification.flywayVersion());
        assertEquals("add index", classification.flywayName().orElseThrow().description());
        assertEquals(Optional.empty(), classifier.classify("R__v.sql", "").flywayVersion());
        assertEquals(Optional.empty(), classifier.classify("plain.sql", "").flywayName());
    }

    @Test
    void classifiesAScannedFileByItsFileName() {
        SourcePath file = new SourcePath(Path.of("/p/db/U3__x.sql"), "db/U3__x.sql", Path.of("/p/db"), "U3__x.sql");

        assertEquals(SourceKind.FLYWAY_UNDO, classifier.classify(file, "select 1;").kind());
    }

    @Test
    void usesConfiguredFlywayNaming() {
        SourceClassifier custom = new SourceClassifier(new FlywayNaming("M", "U", "R", "-", List.of(".ddl")));

        assertEquals(SourceKind.FLYWAY_VERSIONED, custom.classify("M7-x.ddl", "").kind());
        assertEquals(SourceKind.PLAIN_SQL, custom.classify("V7__x.sql", "").kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--liquibase formatted sql\n--changeset a:1\nDELETE FROM t;",
        "-- liquibase formatted sql\n",
        "--   LIQUIBASE Formatted SQL   \r\n",
        "\n\n   \r\n--liquibase formatted sql\n",
        "\uFEFF--liquibase formatted sql\n",
        "\t-- liquibase formatted sql extra words\n",
    })
    void recognisesLiquibaseFormattedSqlEvenWithAFlywayName(String text) {
        assertEquals(SourceKind.LIQUIBASE_FORMATTED_SQL, kindOf("changelog.sql", text));
        assertEquals(SourceKind.LIQUIBASE_FORMATTED_SQL, kindOf("V1__changelog.sql", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-- a comment\n--liquibase formatted sql\n",
        "--liquibase formatted\n",
        "--liquibase formatted sqlite\n",
        "/* --liquibase formatted sql */\n",
        "",
    })
    void formattedSqlHeaderMustBeTheFirstNonBlankLine(String text) {
        assertEquals(SourceKind.PLAIN_SQL, kindOf("changelog.sql", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<databaseChangeLog/>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\">",
        "\uFEFF<?xml version=\"1.0\"?>\r\n<!-- Licensed to the ASF\n <notAnElement> -->\n"
                + "<!-- second -->\n<databaseChangeLog\n    xmlns=\"x\">\n</databaseChangeLog>",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE databaseChangeLog [ <!ENTITY e \"<x>\"> ]>\n<databaseChangeLog>",
        "<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?>\n<lb:databaseChangeLog xmlns:lb=\"x\">",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<changeSet>\n  <dropTable tableName=\"ACTIVITY\"/>\n</changeSet>",
    })
    void recognisesLiquibaseXmlByItsRootElement(String text) {
        assertEquals(SourceKind.LIQUIBASE_XML, kindOf("db/changelog.xml", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<?xml version=\"1.0\"?>\n<project><databaseChangeLog/></project>",
        "<!-- <databaseChangeLog> -->\n<beans/>",
        "<databaseChangeLogs/>",
        "<changeSets/>",
        "not xml at all",
        "<?xml version=\"1.0\"?>\n<!-- never closed",
        "",
    })
    void otherXmlIsOther(String text) {
        assertEquals(SourceKind.OTHER, kindOf("pom.xml", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "databaseChangeLog:\n  - changeSet:\n      id: 1\n",
        "# a comment\n---\ndatabaseChangeLog:\n- include:\n    file: a.yaml\n",
        "%YAML 1.2\n---\n\"databaseChangeLog\" :\n  []\n",
        "{\"databaseChangeLog\": []}",
    })
    void recognisesLiquibaseYamlByItsTopLevelKey(String text) {
        assertEquals(SourceKind.LIQUIBASE_YAML, kindOf("changelog.yaml", text));
        assertEquals(SourceKind.LIQUIBASE_YAML, kindOf("changelog.YML", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "spring:\n  liquibase:\n    databaseChangeLog: x\n",
        "# databaseChangeLog:\nfile: x\n",
        "databaseChangeLogLock:\n  x: 1\n",
        "{\"other\": {\"databaseChangeLog\": []}}",
        "",
    })
    void otherYamlIsOther(String text) {
        assertEquals(SourceKind.OTHER, kindOf("application.yml", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"databaseChangeLog\": [{\"changeSet\": {}}]}",
        "\uFEFF{\n  \"databaseChangeLog\"\n  :\n  []\n}",
        "{\"a\": \"databaseChangeLog\", \"b\": {\"x\": [1, {\"y\": 2}]}, \"databaseChangeLog\": []}",
        "{\"a\": \"quote \\\" and brace } inside\", \"databaseChangeLog\": []}",
    })
    void recognisesLiquibaseJsonByItsTopLevelKey(String text) {
        assertEquals(SourceKind.LIQUIBASE_JSON, kindOf("changelog.json", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "databaseChangeLog = {\n    changeSet(author: 'a', id: '1') {}\n}\n",
        "package install\n\ndatabaseChangeLog = {\n}\n",
        "\uFEFFimport x.Y\n/* a\n * comment */\ndatabaseChangeLog {\n}\n",
        "databaseChangeLog(logicalFilePath: 'x') {\n}\n",
    })
    void recognisesLiquibaseGroovyByItsDatabaseChangeLogClosure(String text) {
        assertEquals(SourceKind.LIQUIBASE_GROOVY, kindOf("changelog.groovy", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "class Util {\n    static String root = \"databaseChangeLog\"\n}\n",
        "// databaseChangeLog = {\nprintln 'x'\n",
        "/*\ndatabaseChangeLog = {\n*/\nprintln 'x'\n",
        "def databaseChangeLogLock = {\n}\n",
        "",
    })
    void otherGroovyIsOther(String text) {
        assertEquals(SourceKind.OTHER, kindOf("Util.groovy", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\": \"databaseChangeLog\"}",
        "{\"nested\": {\"databaseChangeLog\": []}}",
        "[{\"databaseChangeLog\": []}]",
        "{\"unterminated",
        "",
    })
    void otherJsonIsOther(String text) {
        assertEquals(SourceKind.OTHER, kindOf("package.json", text));
    }
}
