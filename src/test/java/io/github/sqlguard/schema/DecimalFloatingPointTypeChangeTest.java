package io.github.sqlguard.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.sqlguard.model.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DECFLOAT (H2, Db2) keeps a number of significant digits with an exponent of each value's own, and H2 2.x gives
 * DECIMAL written without a precision 100,000 digits and no scale, its NUMBER forty floating digits.
 */
class DecimalFloatingPointTypeChangeTest {

    @ParameterizedTest(name = "{2}: {0} -> {1} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            INT                   | DECFLOAT             | H2   | LOSSLESS
            INTEGER               | DECFLOAT(10)         | H2   | LOSSLESS
            INTEGER               | DECFLOAT(9)          | H2   | LOSSY
            BIGINT                | DECFLOAT             | H2   | LOSSLESS
            BIGINT                | DECFLOAT(5)          | H2   | LOSSY
            SMALLINT              | DECFLOAT(5)          | H2   | LOSSLESS
            BIGINT                | DECFLOAT             | AUTO | LOSSLESS
            DECIMAL(10,2)         | DECFLOAT             | H2   | LOSSLESS
            NUMERIC(10,2)         | DECFLOAT(20)         | H2   | LOSSLESS
            NUMERIC(10,2)         | DECFLOAT(8)          | H2   | LOSSY
            NUMERIC(40,2)         | DECFLOAT             | AUTO | LOSSY
            DOUBLE                | DECFLOAT             | H2   | LOSSLESS
            DOUBLE PRECISION      | DECFLOAT(17)         | H2   | LOSSLESS
            DOUBLE                | DECFLOAT(10)         | H2   | LOSSY
            REAL                  | DECFLOAT(9)          | H2   | LOSSLESS
            FLOAT(10)             | DECFLOAT(9)          | H2   | LOSSLESS
            REAL                  | DECFLOAT(8)          | H2   | LOSSY
            DECFLOAT(10)          | DECFLOAT(20)         | H2   | LOSSLESS
            DECFLOAT(20)          | DECFLOAT(10)         | H2   | LOSSY
            DECFLOAT              | DOUBLE               | H2   | LOSSY
            DECFLOAT              | NUMERIC(30,2)        | H2   | LOSSY
            DECFLOAT(5)           | INT                  | H2   | LOSSY
            INT                   | NUMERIC              | H2   | LOSSLESS
            NUMERIC(12)           | DECIMAL              | H2   | LOSSLESS
            NUMERIC(10,2)         | NUMERIC              | H2   | LOSSY
            NUMERIC               | NUMERIC(12)          | H2   | LOSSY
            INT                   | NUMBER               | H2   | LOSSLESS
            NUMBER                | DECFLOAT(40)         | H2   | LOSSLESS
            NUMBER                | DECFLOAT(20)         | H2   | LOSSY
            DECIMAL(50)           | NUMBER               | H2   | LOSSY
            NUMBER(10,2)          | NUMBER               | H2   | LOSSLESS
            """)
    void judgesConversion(String from, String to, Dialect dialect, TypeChange.Verdict expected) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), dialect);
        assertEquals(expected, change.verdict(), change.reason());
    }

    /** A DECFLOAT too short for the integers rounds them silently: H2 stores BIGINT's maximum as 9.2234E+18. */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            BIGINT        | DECFLOAT(5) | rounds integers of more than 5 digits
            NUMERIC(10,2) | NUMERIC     | scale 2 to 0 rounds values
            """)
    void roundingNamesWhatIsLost(String from, String to, String reason) {
        TypeChange change = TypeChange.of(SqlType.parse(from), SqlType.parse(to), Dialect.H2);
        assertEquals(reason, change.reason());
        assertEquals(true, change.silent());
    }
}
