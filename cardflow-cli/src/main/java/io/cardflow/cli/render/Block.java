package io.cardflow.cli.render;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** One object as aligned {@code key: value} lines; fields without a value are left out. */
public final class Block implements Rendering {

    private final Map<String, String> fields = new LinkedHashMap<>();

    public Block field(String name, Object value) {
        if (value != null) {
            fields.put(name, value.toString());
        }
        return this;
    }

    @Override
    public String render() {
        var width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        return fields.entrySet().stream()
                .map(field -> Table.pad(field.getKey() + ":", width) + field.getValue())
                .collect(Collectors.joining("\n"));
    }
}
