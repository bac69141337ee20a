package io.cardflow.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real headless Firefox (Debian's {@code firefox-esr}, which .ci/run installs) for the browser tests, driven through
 * Marionette, the WebDriver protocol built into Firefox. Selenium would need geckodriver, which no Debian package or
 * Maven artefact provides and which may not be downloaded at build time; Marionette needs only Firefox: length-prefixed
 * JSON over a loopback socket, [0, id, command, parameters] answered by [1, id, error, result]. The methods mirror
 * {@link Browser}'s. Another path: CARDFLOW_IT_FIREFOX. Missing, the tests are skipped, except under CI=true.
 */
public final class Firefox implements AutoCloseable {

    private static final Path FIREFOX = Path.of(Browser.env("CARDFLOW_IT_FIREFOX", "/usr/bin/firefox-esr"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Quiet, loopback only: no updates, telemetry, safe-browsing lists or first-run pages. Port 0: any free one. */
    private static final List<String> PREFERENCES = List.of(
            "marionette.port\", 0", "app.update.disabledForTesting\", true", "datareporting.policy.dataSubmissionEnabled\", false",
            "toolkit.telemetry.reportingpolicy.firstRun\", false", "browser.shell.checkDefaultBrowser\", false",
            "browser.startup.homepage_override.mstone\", \"ignore\"", "network.captive-portal-service.enabled\", false",
            "browser.safebrowsing.update.enabled\", false", "extensions.update.enabled\", false");

    private final Process process;
    private final Path profile;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String baseUrl;
    private int lastId;

    private Firefox(Process process, Path profile, Socket socket, String baseUrl) throws IOException {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.baseUrl = baseUrl;
    }

    public static Firefox open(String baseUrl) {
        Browser.requireInstalled("Firefox (" + FIREFOX + ")", "firefox-esr", FIREFOX);
        try {
            Path profile = Files.createTempDirectory("cardflow-firefox-");
            Files.write(profile.resolve("user.js"), PREFERENCES.stream().map(pref -> "user_pref(\"" + pref + ");").toList());
            ProcessBuilder start = new ProcessBuilder(FIREFOX.toString(), "--headless", "--marionette", "--no-remote",
                    "--profile", profile.toString()).redirectErrorStream(true)
                    .redirectOutput(Files.createDirectories(Path.of("target")).resolve("firefox.log").toFile());
            start.environment().put("HOME", profile.toString());
            Process process = start.start();
            Firefox firefox = new Firefox(process, profile, connect(process, profile), baseUrl);
            firefox.handshake();
            return firefox;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Firefox visit(String path) {
        command("WebDriver:Navigate", Map.of("url", path.startsWith("http") ? path : baseUrl + path));
        return this;
    }

    public String path() {
        return java.net.URI.create(command("WebDriver:GetCurrentURL", Map.of()).asString()).getPath();
    }

    /** The element's visible text, once it is on the page. */
    public String text(String id) {
        return command("WebDriver:GetElementText", Map.of("id", find(id))).asString();
    }

    /** A property of the element, such as an input's {@code value}. */
    public String property(String id, String name) {
        return command("WebDriver:GetElementProperty", Map.of("id", find(id), "name", name)).asString();
    }

    public boolean has(String id) {
        return !command("WebDriver:FindElements", Map.of("using", "css selector", "value", "#" + id)).isEmpty();
    }

    public Firefox type(String id, String text) {
        String field = find(id);
        command("WebDriver:ElementClear", Map.of("id", field));
        command("WebDriver:ElementSendKeys", Map.of("id", field, "text", text));
        return this;
    }

    /** Clicks and waits for the page it leads to, by a mark left on the old page (as {@link Browser#submit}). */
    public Firefox submit(String id) {
        String button = find(id);
        script(Browser.MARK_PAGE);
        command("WebDriver:ElementClick", Map.of("id", button));
        await("the page after clicking " + id, () -> script(Browser.NEXT_PAGE_LOADED).asBoolean());
        return this;
    }

    public Firefox logIn(String email, String password) {
        return visit("/login").type("username", email).type("password", password).submit("log-in");
    }

    public Firefox resize(int width, int height) {
        command("WebDriver:SetWindowRect", Map.of("width", width, "height", height));
        return this;
    }

    public boolean scrollsSideways() {
        return script(Browser.SCROLLS_SIDEWAYS).asBoolean();
    }

    /** Saves what Firefox shows to target/screenshots/{name}-firefox-{database}.png, a test artefact. */
    public void screenshot(String name) {
        byte[] png = Base64.getDecoder().decode(command("WebDriver:TakeScreenshot", Map.of()).asString());
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + "-firefox-" + TestDatabase.selectedKind() + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            command("Marionette:Quit", Map.of("flags", List.of("eForceQuit")));
        } catch (RuntimeException alreadyGone) {
            // the process is stopped below either way
        }
        try {
            socket.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The element's reference, waiting up to 20 s for it to be on the page. */
    private String find(String id) {
        String[] reference = new String[1];
        await("#" + id + " on " + baseUrl, () -> {
            JsonNode found = command("WebDriver:FindElements", Map.of("using", "css selector", "value", "#" + id));
            if (found.isEmpty()) {
                return false;
            }
            reference[0] = found.get(0).get(ELEMENT).asString();
            return true;
        });
        return reference[0];
    }

    private JsonNode script(String script) {
        return command("WebDriver:ExecuteScript", Map.of("script", script, "args", List.of()));
    }

    private void handshake() {
        JsonNode hello = read();
        if (!"gecko".equals(hello.path("applicationType").asString())) {
            throw new IllegalStateException("Not a Marionette server: " + hello);
        }
        command("WebDriver:NewSession", Map.of("capabilities", Map.of("alwaysMatch", Map.of("pageLoadStrategy", "normal"))));
        resize(1200, 900);
    }

    /** Sends a command and returns its result's {@code value} (the whole result where it has none). */
    private synchronized JsonNode command(String name, Map<String, Object> parameters) {
        int id = ++lastId;
        try {
            byte[] body = JSON.writeValueAsBytes(List.of(0, id, name, parameters));
            out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode answer = read();
        if (answer.get(1).asInt() != id) {
            throw new IllegalStateException("Marionette answered " + answer + " to command " + id + " (" + name + ")");
        }
        JsonNode error = answer.get(2);
        if (!error.isNull()) {
            throw new IllegalStateException(name + " failed: " + error.path("error").asString() + ": " + error.path("message").asString());
        }
        JsonNode result = answer.get(3);
        return result.has("value") ? result.get("value") : result;
    }

    private JsonNode read() {
        try {
            int length = 0;
            for (int next = in.read(); next != ':'; next = in.read()) {
                if (next < '0' || next > '9') {
                    throw new IllegalStateException("Marionette sent no length but " + next);
                }
                length = length * 10 + (next - '0');
            }
            return JSON.readTree(in.readNBytes(length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Firefox writes the port it chose to the profile once Marionette listens. */
    private static Socket connect(Process process, Path profile) throws IOException {
        Path portFile = profile.resolve("MarionetteActivePort");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            if (Files.isRegularFile(portFile)) {
                String port = Files.readString(portFile).strip();
                if (!port.isEmpty()) {
                    return new Socket("127.0.0.1", Integer.parseInt(port));
                }
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("Firefox did not start Marionette within 60 s; see target/firefox.log");
            }
            pause();
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (IllegalStateException whileNavigating) {
                last = whileNavigating;
            }
            pause();
        }
        throw new IllegalStateException("Waited " + PATIENCE.toSeconds() + " s for " + what, last);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
