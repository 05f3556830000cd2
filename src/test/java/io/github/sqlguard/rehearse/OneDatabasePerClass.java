package io.github.sqlguard.rehearse;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One embedded PostgreSQL for a whole test class: starting a server costs seconds, a fresh schema does not. */
abstract class OneDatabasePerClass {

    static EmbeddedDatabase database;
    static Connection connection;

    @BeforeAll
    static void startDatabase() throws Exception {
        database = EmbeddedDatabase.start(TestBinaries.jar());
        connection = database.connect();
    }

    @AfterAll
    static void stopDatabase() throws SQLException {
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
            connection = null;
            database = null;
        }
    }
}
