package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.model.Finding;
import io.github.sqlguard.model.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A one-to-one link reversed: {@code document_data.document_id} named a document, and an UPDATE points a new column
 * {@code document.document_data_id} of each document at the row that named it before the old column is dropped.
 * Each value of the dropped column lives on as the key of the document that now points back, so the drop loses
 * nothing, as long as the UPDATE reversed every link (no filter), nothing overwrote the pointer since, and each
 * document was named by one row at most (a unique column, or a scalar subquery that fails on a second row).
 */
class LinterReversedLinkTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0} unique={1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            POSTGRESQL | true  | UPDATE document SET document_data_id = document_data.id FROM document_data WHERE document.id = document_data.document_id;  | INFO  | values of document_id kept in reverse: the UPDATE at line 2 points document_data_id of each document at the document_data row that named it
            POSTGRESQL | true  | UPDATE document AS d SET document_data_id = dd.id FROM document_data dd WHERE dd.document_id = d.id;                          | INFO  | the UPDATE at line 2 points document_data_id
            POSTGRESQL | true  | UPDATE document SET document_data_id = (SELECT id FROM document_data WHERE document_data.document_id = document.id);         | INFO  | the UPDATE at line 2 points document_data_id
            POSTGRESQL | true  | UPDATE document Document SET document_data_id = Document_Data.id FROM document_data Document_Data WHERE Document.id = document_data.document_id; | INFO | the UPDATE at line 2 points document_data_id
            POSTGRESQL | false | UPDATE document SET document_data_id = (SELECT dd.id FROM document_data dd WHERE dd.document_id = document.id);              | INFO  | the UPDATE at line 2 points document_data_id
            SQLITE     | false | UPDATE document SET document_data_id = (SELECT id FROM document_data WHERE document_data.document_id = document.id);         | ERROR | document_id is not known to be unique
            POSTGRESQL | false | UPDATE document SET document_data_id = document_data.id FROM document_data WHERE document.id = document_data.document_id;  | ERROR | document_id is not known to be unique
            POSTGRESQL | true  | UPDATE document SET document_data_id = document_data.id FROM document_data WHERE document.id = document_data.document_id AND document_data.data IS NOT NULL; | ERROR |
            POSTGRESQL | true  | UPDATE document SET document_data_id = (SELECT id FROM document_data WHERE document_data.document_id = document.id) WHERE title <> 'draft'; | ERROR |
            POSTGRESQL | true  | UPDATE document SET document_data_id = document_data.id FROM document_data WHERE document.id = document_data.document_id; UPDATE document SET document_data_id = NULL WHERE title = 'draft'; | ERROR |
            POSTGRESQL | true  | UPDATE document SET document_data_id = document_data.id FROM document_data WHERE document.id = document_data.document_id; UPDATE document_data SET document_id = 7 WHERE id = 'a'; | ERROR |
            POSTGRESQL | true  | UPDATE document SET document_data_id = document_data.id FROM document_data WHERE document.id = document_data.document_id; INSERT INTO document_data (id, document_id) VALUES ('b', 8); | ERROR |
            POSTGRESQL | true  | UPDATE document SET document_data_id = document_data.id FROM document_data WHERE document.id = document_data.document_id AND document.document_data_id IS NULL; | INFO | values of document_id kept in reverse
            POSTGRESQL | true  | UPDATE document d SET document_data_id = dd.id FROM document_data dd WHERE document_data_id IS NULL AND dd.document_id = d.id; | INFO | values of document_id kept in reverse
            POSTGRESQL | true  | UPDATE document SET document_data_id = (SELECT id FROM document_data WHERE document_data.document_id = document.id) WHERE document_data_id IS NULL; | INFO | values of document_id kept in reverse
            POSTGRESQL | true  | UPDATE document SET document_data_id = document_data.id FROM document_data WHERE document.id = document_data.document_id AND document.title IS NULL; | ERROR |
            POSTGRESQL | true  | UPDATE document SET document_data_id = 'none' WHERE id = 1; UPDATE document SET document_data_id = document_data.id FROM document_data WHERE document.id = document_data.document_id AND document_data_id IS NULL; | ERROR |
            POSTGRESQL | true  | UPDATE document SET document_data_id = document_data.id FROM document_data WHERE document.id = document_data.document_id OR document_data_id IS NULL; | ERROR |
            MYSQL      | true  | UPDATE document JOIN document_data d ON document.id = d.document_id SET document.document_data_id = d.id; | INFO | values of document_id kept in reverse
            MYSQL      | true  | UPDATE document doc INNER JOIN document_data d ON d.document_id = doc.id SET doc.document_data_id = d.id; | INFO | values of document_id kept in reverse
            MYSQL      | true  | UPDATE document, document_data d SET document.document_data_id = d.id WHERE document.id = d.document_id; | INFO | values of document_id kept in reverse
            MYSQL      | false | UPDATE document JOIN document_data d ON document.id = d.document_id SET document.document_data_id = d.id; | ERROR | document_id is not known to be unique
            MYSQL      | true  | UPDATE document JOIN document_data d ON document.id = d.document_id SET document.document_data_id = d.id WHERE d.data IS NOT NULL; | ERROR |
            MYSQL      | true  | UPDATE document LEFT JOIN document_data d ON document.id = d.document_id AND d.data IS NOT NULL SET document.document_data_id = d.id; | ERROR |
            MYSQL      | true  | UPDATE document, document_data d SET document.document_data_id = d.id WHERE document.id = d.document_id; UPDATE document SET document_data_id = NULL WHERE title = 'draft'; | ERROR |
            SQLSERVER  | true  | UPDATE a SET a.document_data_id = b.id FROM document a JOIN document_data b ON a.id = b.document_id; | INFO | values of document_id kept in reverse
            SQLSERVER  | true  | UPDATE a SET document_data_id = b.id FROM document a INNER JOIN document_data b ON b.document_id = a.id; | INFO | values of document_id kept in reverse
            SQLSERVER  | true  | UPDATE a SET a.document_data_id = b.id FROM document a, document_data b WHERE a.id = b.document_id; | INFO | values of document_id kept in reverse
            SQLSERVER  | true  | UPDATE a SET a.document_data_id = b.id FROM document a JOIN document_data b ON a.id = b.document_id WHERE b.data IS NOT NULL; | ERROR |
            SQLSERVER  | true  | UPDATE a SET a.document_data_id = b.id FROM document a JOIN document_data b ON a.id = b.document_id; UPDATE a SET a.document_data_id = NULL FROM document a WHERE a.title = 'draft'; | ERROR |
            POSTGRESQL | true  | UPDATE document SET document_data_id = dd.id FROM document d JOIN document_data dd ON d.id = dd.document_id; | ERROR |
            POSTGRESQL | true  | UPDATE document SET document_data_id = document_data.data FROM document_data WHERE document.id = document_data.document_id; | ERROR |
            POSTGRESQL | true  | UPDATE document SET document_data_id = document_data.id FROM document_data WHERE document.title = document_data.document_id; | ERROR |
            """)
    void theDropOfALinkReversedBeforeIt(Dialect dialect, boolean unique, String reversal, Severity expected,
            String note) throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE document (id int PRIMARY KEY, title varchar(80));
                CREATE TABLE document_data (id varchar(40) PRIMARY KEY, data text, document_id int);
                """ + (unique ? "CREATE UNIQUE INDEX document_data_document_key ON document_data (document_id);\n" : ""));
        TestProject.write(project, "db/V2__reverse.sql", """
                ALTER TABLE document ADD COLUMN document_data_id varchar(40);
                %s
                ALTER TABLE document_data DROP COLUMN document_id;
                """.formatted(reversal.replace("; ", ";\n")));

        List<Finding> drops = ProjectLint.findings(project, dialect).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(expected, drops.get(0).severity(), drops.get(0).message());
        if (note != null) {
            assertTrue(drops.get(0).message().contains(note), drops.get(0).message());
        }
    }

    @ParameterizedTest(name = "[{index}] {1} after: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                                                          | INFO
            "UPDATE document_data SET document_id = 3 WHERE id = 'a';"  | ERROR
            "INSERT INTO document_data (id, document_id) VALUES ('b', 3);" | ERROR
            """)
    void aUniqueKeyDroppedEarlierInTheScriptStillTellsTheLinksApart(String between, Severity expected)
            throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE document (id int PRIMARY KEY, title varchar(80));
                CREATE TABLE document_data (id varchar(40) PRIMARY KEY, data text, document_id int);
                CREATE UNIQUE INDEX document_data_document_key ON document_data (document_id);
                """);
        TestProject.write(project, "db/V2__reverse.sql", """
                DROP INDEX document_data_document_key;
                ALTER TABLE document ADD COLUMN document_data_id varchar(40);
                %s
                UPDATE document SET document_data_id = document_data.id FROM document_data WHERE document.id = document_data.document_id;
                ALTER TABLE document_data DROP COLUMN document_id;
                """.formatted(between));

        List<Finding> drops = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(expected, drops.get(0).severity(), drops.get(0).message());
    }

    @ParameterizedTest(name = "[{index}] {1} after: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                                                          | INFO
            "UPDATE document_data SET document_id = 3 WHERE id = 'a';"  | ERROR
            "INSERT INTO document_data (id, document_id) VALUES ('b', 3);" | ERROR
            """)
    void aUniqueConstraintDroppedEarlierInTheScriptStillTellsTheLinksApart(String between, Severity expected)
            throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE document (id int PRIMARY KEY, title varchar(80));
                CREATE TABLE document_data (id varchar(40) PRIMARY KEY, data text, document_id int,
                    CONSTRAINT document_data_document_key UNIQUE (document_id));
                """);
        TestProject.write(project, "db/V2__reverse.sql", """
                ALTER TABLE document_data DROP CONSTRAINT document_data_document_key;
                ALTER TABLE document ADD COLUMN document_data_id varchar(40);
                %s
                UPDATE document SET document_data_id = document_data.id FROM document_data WHERE document.id = document_data.document_id;
                ALTER TABLE document_data DROP COLUMN document_id;
                """.formatted(between));

        List<Finding> drops = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(expected, drops.get(0).severity(), drops.get(0).message());
    }

    @ParameterizedTest(name = "[{index}] dangling noted={1} after: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "ALTER TABLE document_data DROP CONSTRAINT document_data_document_fk;" | true
            ""                                                                    | false
            """)
    void aGuardedDropNotesTheDanglingReferencesOnlyWhenNoForeignKeyRuledThemOut(String before, boolean noted)
            throws IOException {
        TestProject.write(project, "db/V1__init.sql", """
                CREATE TABLE document (id int PRIMARY KEY, title varchar(80));
                CREATE TABLE document_data (id varchar(40) PRIMARY KEY, data text, document_id int,
                    CONSTRAINT document_data_document_fk FOREIGN KEY (document_id) REFERENCES document (id));
                CREATE UNIQUE INDEX document_data_document_key ON document_data (document_id);
                """);
        TestProject.write(project, "db/V2__reverse.sql", """
                %s
                ALTER TABLE document ADD COLUMN document_data_id varchar(40);
                UPDATE document SET document_data_id = document_data.id FROM document_data WHERE document.id = document_data.document_id;
                ALTER TABLE document_data DROP COLUMN document_id;
                """.formatted(before));

        List<Finding> drops = ProjectLint.findings(project, Dialect.POSTGRESQL).stream()
                .filter(f -> f.ruleId().equals("drop-column")).toList();

        assertEquals(1, drops.size(), drops.toString());
        assertEquals(Severity.INFO, drops.get(0).severity(), drops.get(0).message());
        assertEquals(noted, drops.get(0).message().contains("dangling references"), drops.get(0).message());
    }
}
