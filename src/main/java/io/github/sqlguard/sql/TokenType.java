package io.github.sqlguard.sql;

/** The lexical classes the lexer distinguishes; whitespace is not a token. */
public enum TokenType {
    /** An unquoted identifier or keyword, including T-SQL {@code @var} and {@code #temp} names. */
    WORD,
    /** A quoted identifier: {@code "x"}, {@code `x`} or {@code [x]}. */
    QUOTED_NAME,
    /** A string literal, including PostgreSQL dollar quotes and Oracle {@code q'[..]'}. */
    STRING,
    NUMBER,
    /** A Flyway or Liquibase placeholder such as {@code ${schema}}, or a template action: {@code {{ .Schema }}}. */
    PLACEHOLDER,
    /** A {@code --}, {@code #} or block comment; kept because acknowledgements live in comments. */
    COMMENT,
    /** Operators and punctuation other than statement terminators. */
    SYMBOL,
    /** {@code ;} or the delimiter set by MySQL {@code DELIMITER}. */
    TERMINATOR,
    /** T-SQL {@code GO} or Oracle {@code /} alone on a line: ends a batch or a PL/SQL block. */
    BATCH_SEPARATOR,
    /** A MySQL client {@code DELIMITER xx} line; the token text is the new delimiter. */
    DELIMITER_CHANGE
}
