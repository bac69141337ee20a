package io.cardflow.cli;

import io.cardflow.cli.render.Rendering;
import io.cardflow.sdk.Page;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** Prints an answer as JSON ({@code --json}) or for a person (tables and blocks). */
public final class Output {

    /** A list page as {@code --json} shows it: the SDK's {@code Page} keeps its fetching machinery to itself. */
    record PageJson<T>(List<T> data, boolean hasMore) {
    }

    private final PrintWriter out;
    private final boolean json;

    Output(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    public PrintWriter writer() {
        return out;
    }

    public <T> void show(T value, Function<T, ? extends Rendering> forPeople) {
        out.println(json ? CliJson.write(value) : forPeople.apply(value).render());
        out.flush();
    }

    /** One page; for people, a hint on how to fetch the next one. */
    public <T> void showPage(Page<T> page, Function<List<T>, ? extends Rendering> forPeople,
                             Function<T, String> idOf) {
        if (json) {
            show(new PageJson<>(page.data(), page.hasMore()), null);
            return;
        }
        out.println(forPeople.apply(page.data()).render());
        if (page.hasMore() && !page.data().isEmpty()) {
            out.println("More: repeat with --starting-after " + idOf.apply(page.data().getLast()));
        }
        out.flush();
    }
}
