package io.github.sqlguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sqlguard.model.RuleInfo;
import io.github.sqlguard.model.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSettingsTest {

    private static final List<String> IDS = List.of("drop-column", "cascade", "drop-table");
    private static final RuleInfo DROP_COLUMN = new DropColumnRule().info();
    private static final RuleInfo CASCADE = new CascadeRule().info();

    @Test
    void defaultsKeepEachRulesOwnSeverity() {
        RuleSettings settings = RuleSettings.defaults(IDS);
        assertEquals(Optional.of(Severity.ERROR), settings.severityOf(DROP_COLUMN));
        assertEquals(Optional.of(Severity.WARNING), settings.severityOf(CASCADE));
    }

    @ParameterizedTest
    @CsvSource({"WARNING, WARNING", "warning, WARNING", " Info , INFO", "error, ERROR"})
    void levelsAreReadInAnyCase(String level, Severity expected) {
        RuleSettings settings = new RuleSettings(IDS, Map.of("drop-column", level), List.of());
        assertEquals(Optional.of(expected), settings.severityOf(DROP_COLUMN));
    }

    @Test
    void offAndDisabledSwitchARuleOff() {
        RuleSettings settings = new RuleSettings(IDS, Map.of("cascade", "off"), List.of("drop-column"));
        assertEquals(Optional.empty(), settings.severityOf(CASCADE));
        assertEquals(Optional.empty(), settings.severityOf(DROP_COLUMN));
    }

    @Test
    void disabledWinsOverAConfiguredLevel() {
        RuleSettings settings = new RuleSettings(IDS, Map.of("drop-column", "ERROR"),
                RuleSettings.parseIdList("drop-column"));
        assertEquals(Optional.empty(), settings.severityOf(DROP_COLUMN));
    }

    @Test
    void unknownIdInRulesSuggestsTheCloseIdElseNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleSettings(IDS, Map.of("drop-colum", "OFF"), List.of()));
        assertTrue(e.getMessage().contains("'drop-colum'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("did you mean drop-column?"), e.getMessage());
        IllegalArgumentException far = assertThrows(IllegalArgumentException.class,
                () -> new RuleSettings(IDS, Map.of("purge", "OFF"), List.of()));
        assertTrue(far.getMessage().endsWith("valid rule ids: cascade, drop-column, drop-table"), far.getMessage());
    }

    @Test
    void unknownIdInDisabledRulesIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleSettings(IDS, Map.of(), RuleSettings.parseIdList("cascade,casade")));
        assertTrue(e.getMessage().contains("'casade'") && e.getMessage().contains("sqlguard.disabledRules"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(value = {"FATAL", "'  '", "NULL"}, nullValues = "NULL")
    void unknownLevelNamesTheValidLevels(String level) {
        Map<String, String> levels = new HashMap<>();
        levels.put("cascade", level);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RuleSettings(IDS, levels, List.of()));
        assertTrue(e.getMessage().contains("ERROR, WARNING, INFO, OFF"), e.getMessage());
        assertTrue(e.getMessage().contains("cascade"), e.getMessage());
    }

    @Test
    void idListIgnoresBlanksAndSpaces() {
        assertEquals(List.of("drop-column", "cascade"), RuleSettings.parseIdList(" drop-column,, cascade ,"));
        assertEquals(List.of(), RuleSettings.parseIdList(null));
    }
}
