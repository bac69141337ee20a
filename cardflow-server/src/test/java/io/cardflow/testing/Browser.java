package io.cardflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromium-driver} (.ci/run
 * installs them), named explicitly so that Selenium Manager never looks for, or downloads, a browser or a driver
 * (the failsafe configuration also sets SE_OFFLINE). Other paths: CARDFLOW_IT_CHROMIUM and CARDFLOW_IT_CHROMEDRIVER.
 * Where they are missing the browser tests are skipped with the reason, except under CI=true, where that is a failure.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(env("CARDFLOW_IT_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(env("CARDFLOW_IT_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /**
     * Selenium warns at every start that it has no DevTools (CDP) support for this Chromium's version: these tests use
     * WebDriver only. Kept in a field: java.util.logging holds its loggers weakly, and a collected one forgets its level.
     */
    private static final Logger CDP_WARNING = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    /** Scripts both browsers run: the mark {@link #submit} leaves on a page, and the checks of the next page and width. */
    static final String MARK_PAGE = "window.cardflowPageBeforeSubmit = true";
    static final String NEXT_PAGE_LOADED = "return window.cardflowPageBeforeSubmit === undefined && document.readyState === 'complete'";
    static final String SCROLLS_SIDEWAYS = "return document.documentElement.scrollWidth > document.documentElement.clientWidth";

    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    public static Browser open(String baseUrl) {
        requireInstalled("Chromium (" + CHROMIUM + ") or its driver (" + CHROMEDRIVER + ")", "chromium chromium-driver",
                CHROMIUM, CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1200,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), baseUrl);
    }

    public Browser visit(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
        return this;
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    /** The element, once it is on the page (waiting up to 20 s for a navigation to finish). */
    public WebElement find(String id) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    public boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public Browser type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Chooses the option showing {@code text} in a select list, as a person would. */
    public Browser choose(String id, String text) {
        new Select(find(id)).selectByVisibleText(text);
        return this;
    }

    /**
     * Clicks and waits for the page it leads to. The old page is marked before the click, and the wait ends when the
     * loaded document no longer carries the mark. (Waiting for the clicked element to go stale is not enough: newer
     * chromedrivers report a detached node as an "unhandled inspector error" instead of a stale element.) Errors
     * while the navigation is under way are retried until the patience runs out, then reported with the last one.
     */
    public Browser submit(String id) {
        WebElement button = find(id);
        driver.executeScript(MARK_PAGE);
        button.click();
        new WebDriverWait(driver, PATIENCE).ignoring(WebDriverException.class)
                .until(page -> Boolean.TRUE.equals(driver.executeScript(NEXT_PAGE_LOADED)));
        return this;
    }

    public Browser logIn(String email, String password) {
        return visit("/login").type("username", email).type("password", password).submit("log-in");
    }

    /** Sets the window's size, such as a phone's 390 x 844. */
    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** Whether the page is wider than the window, so that a person would have to scroll sideways to read it. */
    public boolean scrollsSideways() {
        return Boolean.TRUE.equals(driver.executeScript(SCROLLS_SIDEWAYS));
    }

    /**
     * The form fields a screen reader could not name: visible inputs, selects and text areas with neither a
     * {@code <label for>}, an enclosing label, nor an aria-label. Each is named by its id, name or tag.
     */
    @SuppressWarnings("unchecked")
    public List<String> unlabelledFields() {
        return (List<String>) driver.executeScript("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(field => field.type !== 'hidden' && field.type !== 'submit')
                  .filter(field => !(field.labels && field.labels.length) && !field.getAttribute('aria-label'))
                  .map(field => field.id || field.name || field.tagName);""");
    }

    /** Scrolls the element to the top of the window, for a screenshot of a part of a long page. */
    public Browser scrollTo(String id) {
        driver.executeScript("arguments[0].scrollIntoView()", find(id));
        return this;
    }

    /** A cookie of this browser's, e.g. the session's, to send as this person from a plain HTTP client. */
    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /** Saves what the browser shows to target/screenshots/{name}-{database}.png, a test artefact. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + "-" + TestDatabase.selectedKind() + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** Skips the test when a program is missing (a line starting with "=== " says so), or fails it under CI=true. */
    static void requireInstalled(String what, String debianPackages, Path... programs) {
        if (java.util.Arrays.stream(programs).allMatch(Files::isExecutable)) {
            return;
        }
        String message = what + " is not installed: the browser tests that need it are SKIPPED. Install it: apt-get install "
                + debianPackages + ".";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(message.replace("are SKIPPED", "cannot run, and CI requires them"));
        }
        System.out.println("=== " + message);
        Assumptions.abort(message);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
