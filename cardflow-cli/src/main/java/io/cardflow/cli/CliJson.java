package io.cardflow.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON in and out of the CLI: {@code --data} arguments become the SDK's params records, and {@code --json} prints
 * the SDK's answers. Unlike the SDK, input is read strictly: a misspelt field is an error, not silently ignored.
 */
public final class CliJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private CliJson() {
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** On one line, for output read a line at a time (JSON Lines). */
    public static String writeLine(Object value) {
        return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
    }

    public static ObjectNode newObject() {
        return MAPPER.createObjectNode();
    }

    public static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** The object given as {@code '<json>'} or {@code @file.json}; an empty object when {@code data} is null. */
    public static ObjectNode readObject(String data) {
        if (data == null) {
            return newObject();
        }
        var text = data.startsWith("@") ? readFile(Path.of(data.substring(1))) : data;
        try {
            if (MAPPER.readTree(text) instanceof ObjectNode object) {
                return object;
            }
        } catch (JacksonException e) {
            throw new UsageException("The JSON data is not valid: " + e.getOriginalMessage());
        }
        throw new UsageException("The JSON data must be an object ({...})");
    }

    /**
     * Sets each field that has a value over {@code base}; a dotted name ({@code address.city}) sets a nested field.
     * Typed flags so win over the same field of {@code --data}.
     */
    public static ObjectNode overlay(ObjectNode base, Map<String, ?> fields) {
        fields.forEach((name, value) -> {
            if (value != null) {
                var dot = name.lastIndexOf('.');
                var parent = dot < 0 ? base : base.withObject("/" + name.substring(0, dot).replace('.', '/'));
                parent.set(name.substring(dot + 1), MAPPER.valueToTree(value));
            }
        });
        return base;
    }

    public static <T> T convert(ObjectNode data, Class<T> type) {
        try {
            return MAPPER.treeToValue(data, type);
        } catch (JacksonException e) {
            throw new UsageException("The data does not fit a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    private static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UsageException("Cannot read " + file + ": " + e);
        }
    }
}
