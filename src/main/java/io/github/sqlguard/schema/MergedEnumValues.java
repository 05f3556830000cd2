package io.github.sqlguard.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The old enum values a conversion maps onto one value together ({@link EnumCaseMapping}): their rows all hold
 * that value afterwards, and which of them a row held is lost. A value mapped alone to a new value is only renamed.
 */
final class MergedEnumValues {

    private MergedEnumValues() {
    }

    /**
     * {@code "merges 'GUEST' into 'USER': rows holding either can no longer be told apart"}, one such part per
     * value that several old values end as, joined by {@code "; "}; empty when no two end as one. Values no row
     * holds any more ({@code moved}) merge with nothing.
     */
    static String of(EnumValueLists values, Set<String> moved) {
        Map<String, List<String>> byResult = new LinkedHashMap<>();
        for (String value : values.from()) {
            String result = values.mapped().getOrDefault(value, value);
            if (!moved.contains(value) && values.to().contains(result)) {
                byResult.computeIfAbsent(result, k -> new ArrayList<>()).add(value);
            }
        }
        List<String> parts = new ArrayList<>();
        byResult.forEach((result, sources) -> {
            if (sources.size() > 1) {
                String merged = sources.stream().filter(source -> !source.equals(result))
                        .map(source -> "'" + source + "'").collect(Collectors.joining(", "));
                parts.add("merges " + merged + " into '" + result + "': rows holding "
                        + (sources.size() == 2 ? "either" : "any of them") + " can no longer be told apart");
            }
        });
        return String.join("; ", parts);
    }
}
