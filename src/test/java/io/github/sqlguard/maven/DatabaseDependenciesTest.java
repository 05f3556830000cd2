package io.github.sqlguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Dependency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Without a database URL, the one database the declared dependencies name decides the dialect. */
class DatabaseDependenciesTest {

    /** Each row: the project's dependencies (groupId:artifactId, space-separated), the dialect they decide. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            org.postgresql:postgresql                                                  | POSTGRESQL
            org.springframework.boot:spring-boot-starter-jdbc com.mysql:mysql-connector-j | MYSQL
            org.mariadb.jdbc:mariadb-java-client org.flywaydb:flyway-mysql            | MARIADB
            org.flywaydb:flyway-mysql                                                  | MYSQL
            com.microsoft.sqlserver:mssql-jdbc org.testcontainers:mssqlserver         | SQLSERVER
            com.oracle.database.jdbc:ojdbc11                                           | ORACLE
            org.xerial:sqlite-jdbc                                                     | SQLITE
            com.h2database:h2 org.postgresql:postgresql                                | POSTGRESQL
            com.h2database:h2                                                          | AUTO
            org.postgresql:postgresql com.mysql:mysql-connector-j                      | AUTO
            org.postgresql:postgresql-extras                                           | AUTO
            """)
    void theOneDatabaseNamedDecides(String artifacts, Dialect expected) {
        assertEquals(expected, DatabaseDependencies.decide(dependencies(artifacts)).dialect());
    }

    @Test
    void theLogNamesTheDependencyThatDecided() {
        assertEquals(Optional.of("sqlguard: dialect postgresql, from dependency org.testcontainers:postgresql, as no "
                + "setting names a database URL (set <dialect> to override)"),
                DatabaseDependencies.decide(dependencies("org.testcontainers:postgresql")).note());
    }

    @Test
    void twoDatabasesStayAutoAndTheLogNamesBoth() {
        assertEquals(new InferredDialect.Decision(Dialect.AUTO, Optional.of("sqlguard: dialect auto: the project's "
                + "dependencies name more than one database, postgresql (org.postgresql:postgresql) and oracle "
                + "(com.oracle.database.jdbc:ojdbc8); set <dialect> to the one the migrations run on")),
                DatabaseDependencies.decide(dependencies("org.postgresql:postgresql com.oracle.database.jdbc:ojdbc8")));
    }

    @Test
    void noDatabaseDependencyStaysAutoQuietly() {
        assertEquals(new InferredDialect.Decision(Dialect.AUTO, Optional.empty()),
                DatabaseDependencies.decide(dependencies("org.flywaydb:flyway-core junit:junit")));
    }

    private static List<Dependency> dependencies(String artifacts) {
        return Arrays.stream(artifacts.strip().split("\\s+")).map(artifact -> {
            Dependency dependency = new Dependency();
            dependency.setGroupId(artifact.substring(0, artifact.indexOf(':')));
            dependency.setArtifactId(artifact.substring(artifact.indexOf(':') + 1));
            return dependency;
        }).toList();
    }
}
