package io.github.sqlguard.analysis;

import io.github.sqlguard.model.Dialect;
import java.time.Duration;

/** Run in a JVM of its own: prints how the first statement that needs JSqlParser comes back. */
final class FirstParseInFreshJvm {

    private FirstParseInFreshJvm() {
    }

    public static void main(String[] args) {
        StatementAnalyzer analyzer = new StatementAnalyzer(Duration.ofMillis(Long.parseLong(args[0])));
        AnalyzedStatement analyzed = analyzer.analyze(StatementAnalyzerTest.statement(Dialect.MYSQL,
                "UPDATE task t INNER JOIN execution e ON t.execution_id = e.id SET t.state = e.state"));
        System.out.println(analyzed instanceof AnalyzedStatement.Unparsed unparsed
                ? "unparsed: " + unparsed.parserMessage() : analyzed.getClass().getSimpleName());
    }
}
