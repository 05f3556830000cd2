package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The standard's long names of the character types, which H2 takes besides VARCHAR and CLOB, its 1.4 releases'
 * VARCHAR_CASESENSITIVE and IDENTITY are the types they name, so a change between two spellings of one type or to a
 * longer one is no narrowing.
 */
class H2TypeNameTypeChangeTest {

    @ParameterizedTest(name = "{2}: {0} -> {1} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            NCHAR VARYING(50)               | NVARCHAR(60)          | H2     | LOSSLESS
            NCHAR VARYING(50)               | VARCHAR(40)           | H2     | LOSSY
            CHAR LARGE OBJECT               | CLOB                  | H2     | LOSSLESS
            NATIONAL CHARACTER LARGE OBJECT | CLOB                  | H2     | LOSSLESS
            NCHAR LARGE OBJECT              | NCLOB                 | H2     | LOSSLESS
            NATIONAL CHAR LARGE OBJECT      | VARCHAR(100)          | H2     | LOSSY
            VARCHAR_CASESENSITIVE(50)       | VARCHAR(50)           | H2     | LOSSLESS
            VARCHAR(50)                     | VARCHAR_CASESENSITIVE(100) | H2 | LOSSLESS
            VARCHAR_CASESENSITIVE(50)       | VARCHAR(20)           | H2     | LOSSY
            IDENTITY                        | BIGINT                | H2     | LOSSLESS
            INT                             | IDENTITY              | H2     | LOSSLESS
            IDENTITY                        | INT                   | H2     | LOSSY
            IDENTITY                        | BIGINT                | AUTO   | LOSSY
            """)
    void judgesConversion(String from, String to, Dialect dialect, TypeChange.Verdict expected) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), dialect);
        assertEquals(expected, change.verdict(), change.reason());
    }
}
