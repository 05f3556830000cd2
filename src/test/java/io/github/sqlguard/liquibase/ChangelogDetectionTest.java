package io.github.sqlguard.liquibase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangelogDetectionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a.xml|<?xml version='1.0'?><!-- hi --><databaseChangeLog xmlns='x'/>|true",
        "a.xml|<lb:databaseChangeLog xmlns:lb='x'></lb:databaseChangeLog>|true",
        "a.xml|<project><databaseChangeLog/></project>|false",
        "a.xml|<project><!-- see databaseChangeLog --></project>|false",
        "a.yaml|databaseChangeLog:\\n  - changeSet: {}|true",
        "a.yml|spring:\\n  liquibase: databaseChangeLog|false",
        "a.json|{ \"databaseChangeLog\": [] }|true",
        "a.json|{ \"name\": \"databaseChangeLog\" }|false",
        "a.sql|--liquibase formatted sql\\n--changeset a:1|true",
        "a.sql|DELETE FROM t;|false",
        "a.txt|databaseChangeLog:|false",
    })
    void recognisesChangelogsByTheirRoot(String name, String text, boolean expected) {
        assertEquals(expected, ChangelogReader.isChangelog(name, text.replace("\\n", "\n")));
    }
}
