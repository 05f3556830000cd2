package io.github.sqlguard.rules;

import io.github.sqlguard.analysis.AnalyzedStatement;
import io.github.sqlguard.model.RuleInfo;
import java.util.List;

/**
 * One check over one analysed statement. A rule must give the same finding whether the statement was
 * parsed or only tokenized (fail closed: an unparsable statement is still checked from its tokens).
 */
public interface Rule {

    RuleInfo info();

    /**
     * The violations of this rule in {@code statement}, each located at the statement start.
     *
     * @param script what earlier statements of the same file established (tables created so far, ...)
     */
    List<Violation> check(AnalyzedStatement statement, ScriptState script);
}
