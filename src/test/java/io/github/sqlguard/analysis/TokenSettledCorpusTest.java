package io.github.sqlguard.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.CorpusFiles;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The statements the tokens settle without the parser ({@link SettledByTokens}) get the
 * same facts from their tokens as from JSqlParser's AST, on every statement of the corpus the parser can read:
 * skipping the parser there changes no finding.
 */
class TokenSettledCorpusTest {

    @Test
    void tokensAndTheAstAgreeOnEveryStatementTheTokensSettle() throws IOException {
        Path corpus = CorpusFiles.folder();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(path -> path.toString().endsWith(".sql")).sorted().toList();
        }
        StatementAnalyzer analyzer = new StatementAnalyzer();
        StatementReader tokensOnly = StatementReader.tokensOnly();
        int compared = 0;
        List<String> disagreements = new ArrayList<>();
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            Dialect dialect = dialectOf(corpus.relativize(file).toString().replace('\\', '/'));
            for (Statement statement : new StatementSplitter(dialect, Placeholders.DEFAULT)
                    .split(file.toString(), text).statements()) {
                if (statement.container() || !settledByTokens(statement)) {
                    continue;
                }
                if (!(analyzer.analyze(statement) instanceof AnalyzedStatement.Parsed parsed)) {
                    continue;
                }
                compared++;
                StatementTokens structure = StatementTokens.of(statement);
                List<String> fromAst = described(DataChanges.in(statement, structure,
                        DataChanges.fromTokens(structure), parsed.ast()));
                List<String> fromTokens = described(tokensOnly.read(statement).rowChanges());
                if (!fromAst.equals(fromTokens)) {
                    disagreements.add(file + ":" + statement.start().line() + " AST " + fromAst + " tokens "
                            + fromTokens);
                }
            }
        }
        System.out.printf("statements settled by tokens and compared with the AST: %d%n", compared);
        assertTrue(compared > 1000, "the corpus should hold well over a thousand such statements, not " + compared);
        assertEquals(List.of(), disagreements);
    }

    private static List<String> described(List<RowChange> changes) {
        return changes.stream().map(change -> change.verb() + " " + change.tables() + " join="
                + change.restrictedByJoin() + " where=" + change.where()).toList();
    }

    private static Dialect dialectOf(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("sqlfluff/postgres/") || lower.contains("postgres") || lower.contains("lemmy")) {
            return Dialect.POSTGRESQL;
        } else if (lower.startsWith("sqlfluff/mariadb/")) {
            return Dialect.MARIADB;
        } else if (lower.contains("mysql")) {
            return Dialect.MYSQL;
        } else if (lower.startsWith("sqlfluff/tsql/") || lower.contains("mssql") || lower.contains("sqlserver")) {
            return Dialect.SQLSERVER;
        } else if (lower.contains("oracle")) {
            return Dialect.ORACLE;
        }
        return Dialect.AUTO;
    }

    private static boolean settledByTokens(Statement statement) {
        StatementTokens structure = StatementTokens.of(statement);
        return SettledByTokens.settles(statement, structure, DataChanges.fromTokens(structure));
    }
}
