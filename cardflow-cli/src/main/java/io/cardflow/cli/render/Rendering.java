package io.cardflow.cli.render;

/** Something shown to a person: a table or a block of fields. */
public interface Rendering {

    /** The text, lines separated by {@code \n}, without a trailing newline. */
    String render();
}
