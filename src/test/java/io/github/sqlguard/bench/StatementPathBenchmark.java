package io.github.sqlguard.bench;

import io.github.sqlguard.analysis.StatementAnalyzer;
import io.github.sqlguard.analysis.StatementModel;
import io.github.sqlguard.analysis.StatementReader;
import io.github.sqlguard.model.Dialect;
import io.github.sqlguard.sql.Placeholders;
import io.github.sqlguard.sql.Statement;
import io.github.sqlguard.sql.StatementSplitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Statements per second on each of the two paths a statement can take when it is read into its model: the token
 * path (the tokens settle it) and the parser path (JSqlParser builds an AST, or gives up). Every statement of the
 * given folders' SQL files is read once per pass; the first pass in a fresh JVM is the cold figure
 * (class loading, interpreter, JIT), the median of the later passes the warm one. A measurement, not a test:
 * nothing here fails on a slow machine.
 */
final class StatementPathBenchmark {

    private StatementPathBenchmark() {
    }

    /** One pass: how many statements took each path and how long they took, in nanoseconds. */
    record Pass(int tokenStatements, long tokenNanos, int parserStatements, long parserNanos) {

        double tokenPerSecond() {
            return tokenStatements / (tokenNanos / 1e9);
        }

        double parserPerSecond() {
            return parserStatements / (parserNanos / 1e9);
        }
    }

    /** Splits every SQL file below {@code folders} into statements, as the PostgreSQL dialect reads them. */
    static List<Statement> statements(List<Path> folders, Dialect dialect) throws IOException {
        StatementSplitter splitter = new StatementSplitter(dialect, Placeholders.DEFAULT);
        List<Statement> statements = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                    statements.addAll(splitter.split(folder.relativize(file).toString(), text).statements());
                }
            }
        }
        return statements;
    }

    /** Reads every statement into its model once, as a run does, timing each by the path it took. */
    static Pass pass(StatementReader reader, List<Statement> statements) {
        int tokenStatements = 0;
        int parserStatements = 0;
        long tokenNanos = 0;
        long parserNanos = 0;
        for (Statement statement : statements) {
            long started = System.nanoTime();
            StatementModel model = reader.read(statement);
            long took = System.nanoTime() - started;
            if (model.parse().state() == StatementModel.ParseOutcome.State.NOT_NEEDED) {
                tokenStatements++;
                tokenNanos += took;
            } else {
                parserStatements++;
                parserNanos += took;
            }
        }
        return new Pass(tokenStatements, Math.max(1, tokenNanos), parserStatements, Math.max(1, parserNanos));
    }

    /** Prints the cold pass and the median of {@code warmPasses} warm ones. */
    static void run(List<Path> folders, Dialect dialect, int warmPasses) throws IOException {
        List<Statement> statements = statements(folders, dialect);
        StatementReader reader = new StatementReader(new StatementAnalyzer());
        Pass cold = pass(reader, statements);
        print("cold", cold);
        double[] token = new double[Math.max(1, warmPasses)];
        double[] parser = new double[token.length];
        Pass last = cold;
        for (int i = 0; i < token.length; i++) {
            last = pass(reader, statements);
            token[i] = last.tokenPerSecond();
            parser[i] = last.parserPerSecond();
        }
        System.out.printf("warm (median of %d): token path %,.0f statements/s, parser path %,.0f statements/s"
                + " (%d and %d statements)%n", token.length, median(token), median(parser), last.tokenStatements(),
                last.parserStatements());
    }

    private static void print(String label, Pass pass) {
        System.out.printf("%s: token path %,.0f statements/s, parser path %,.0f statements/s (%d and %d statements)%n",
                label, pass.tokenPerSecond(), pass.parserPerSecond(), pass.tokenStatements(), pass.parserStatements());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
