package io.github.sqlguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Oracle XML DB's deleteSchema with DELETE_CASCADE_FORCE drops the tables the schema's registration generated, with
 * the documents stored in them; the other options refuse or keep the rows.
 */
class LinterXmlSchemaDeletionTest {

    @TempDir
    Path project;

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"ORACLE", "AUTO"})
    void aForcedCascadeIsADropTableAtItsOption(Dialect dialect) throws IOException {
        List<String> findings = ProjectLint.findingsOfScript(project, dialect, """
                BEGIN
                   DBMS_XMLSCHEMA.deleteSchema('http://example.com/xsd/invoice.xsd',
                      DBMS_XMLSCHEMA.DELETE_CASCADE_FORCE);
                END;
                /
                EXEC xdb.dbms_xmlschema.deleteschema(delete_option => 4, schemaurl => 'order.xsd')
                BEGIN
                   DBMS_XMLSCHEMA.deleteSchema('http://example.com/xsd/note.xsd', DBMS_XMLSCHEMA.DELETE_CASCADE);
                   DBMS_XMLSCHEMA.deleteSchema('http://example.com/xsd/memo.xsd');
                   DBMS_XMLSCHEMA.registerSchema('http://example.com/xsd/memo.xsd', xsd, TRUE, TRUE, FALSE, TRUE);
                END;
                /""").stream().map(ProjectLint::placeAndMessage)
                // auto names the block by its words, Oracle as PL/SQL: the place and what it drops are the point here
                .map(found -> found.replaceFirst(" \\(inside [^)]*\\)$", "")).toList();

        assertEquals(List.of("3:7 drop-table DBMS_XMLSCHEMA.deleteSchema(.., DELETE_CASCADE_FORCE) removes the tables"
                        + " that registering XML schema http://example.com/xsd/invoice.xsd generated, with every document"
                        + " stored in them; DELETE_CASCADE would refuse while one is stored",
                "6:55 drop-table DBMS_XMLSCHEMA.deleteSchema(.., DELETE_CASCADE_FORCE) removes the tables that"
                        + " registering XML schema order.xsd generated, with every document stored in them;"
                        + " DELETE_CASCADE would refuse while one is stored"), findings);
    }
}
