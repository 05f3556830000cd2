package io.github.sqlguard.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.CorpusFiles;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Script;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementSplitter;
import io.github.sqlguard.sql.Token;
import io.github.sqlguard.sql.TokenType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * On real SQL: a statement re-spaced and upper-cased token by token (the reformatting a baseline must
 * survive) keeps its fingerprint, so the fingerprint's own scanner agrees with the lexer.
 */
class FingerprintCorpusTest {

    @Test
    void reformattedStatementsOfTheCorpusKeepTheirFingerprint() throws IOException {
        Path corpus = CorpusFiles.folder();
        List<Path> files = CorpusFiles.files(corpus, ".sql");
        StatementSplitter splitter = new StatementSplitter(Dialect.POSTGRESQL, Placeholders.DEFAULT);
        int statements = 0;
        List<String> changed = new ArrayList<>();
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            Script script = splitter.split("x.sql", text);
            if (script.lexError().isPresent()) {
                continue;
            }
            for (Statement statement : script.statements()) {
                if (statement.tokens().stream().anyMatch(t -> t.type() == TokenType.PLACEHOLDER)) {
                    continue; // statement.sql() holds the placeholder's replacement, the tokens its source text
                }
                if (statement.tokens().stream().anyMatch(t -> t.text().startsWith("built_at_run_time_"))
                        || assembledFromElsewhere(statement.tokens())) {
                    continue; // dynamic SQL with a stand-in or a variable's literal: no source text to reformat
                }
                statements++;
                String original = Fingerprint.of("r", "x.sql", statement.sql());
                String reformatted = Fingerprint.of("r", "x.sql", reformat(statement.tokens()));
                if (!original.equals(reformatted)) {
                    changed.add(corpus.relativize(file) + ":" + statement.start().line());
                }
            }
        }
        assertTrue(statements > 1000, "the corpus should hold real statements, found " + statements);
        assertEquals(List.of(), changed.subList(0, Math.min(20, changed.size())),
                changed.size() + " of " + statements + " statements changed fingerprint");
    }

    /**
     * True when a token stands before the one ahead of it in the source: dynamic SQL that takes a variable's literal
     * from where the variable was assigned, whose gaps the reformatting below cannot see.
     */
    private static boolean assembledFromElsewhere(List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).offset() < tokens.get(i - 1).endOffset()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The statement as somebody reformatting it would leave it: every gap between tokens (spaces, line breaks,
     * comments) replaced by a line break and indentation, words upper-cased, literals untouched.
     */
    private static String reformat(List<Token> tokens) {
        StringBuilder out = new StringBuilder();
        Token previous = null;
        for (Token token : tokens) {
            if (previous != null && token.offset() > previous.endOffset()) {
                out.append("\n   ");
            }
            out.append(token.type() == TokenType.WORD ? token.text().toUpperCase(Locale.ROOT) : token.text());
            previous = token;
        }
        return out.toString();
    }
}
