package org.recert.systemtests.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, through /usr/bin/chromedriver, with a fresh profile: one signed-in person. Checks every
 * page it is asked to with axe-core (no serious or critical violation) and for a horizontal scroll at phone width.
 */
final class Browser implements AutoCloseable {

    static final Dimension PHONE = new Dimension(375, 812);
    static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    static Browser start() {
        assertThat(CHROMIUM).as("Debian's chromium (./recert test installs it)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (./recert test installs it)").isExecutable();
        try {
            Path profile = Files.createTempDirectory("recert-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens {@code url}; Keycloak's login page comes first; signs in there and waits to be back on the web app. */
    void signIn(String url, String username, String password) {
        driver.get(url);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).as("Keycloak's login page").contains("/realms/recert/");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.top")));
    }

    void open(String url) {
        driver.get(url);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        if (url.startsWith(driver.getCurrentUrl().replaceAll("(https?://[^/]+).*", "$1"))) {
            // one of our pages: it rendered (an error page has no main)
            find("main");
        }
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    void type(String id, String text) {
        WebElement field = find("#" + id);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a field's value as a script would (a date input's typed format depends on the locale). */
    void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", find("#" + id), value);
    }

    /** Follows the link that reads {@code text}, and waits for the page it opens. */
    void follow(String text) {
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText(text)));
        link.click();
        wait.until(ExpectedConditions.stalenessOf(link));
        find("main");
    }

    /** Chooses the option of a select whose value is {@code value}. */
    void choose(String id, String value) {
        new org.openqa.selenium.support.ui.Select(find("#" + id)).selectByValue(value);
    }

    /** Waits until {@code condition} holds (an htmx swap, say). */
    void await(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        wait.until(condition::apply);
    }

    void submit(String formCss) {
        WebElement button = find(formCss + " button[type=submit]");
        try {
            button.click();
        } catch (org.openqa.selenium.WebDriverException replaced) {
            // the element was replaced under us (a resize re-laid the page out): find it again, once
            button = find(formCss + " button[type=submit]");
            button.click();
        }
        WebElement submitted = button;
        // the page is gone once the button is: stale, or (a resize re-laid it out) no longer in the document
        wait.until(d -> {
            try {
                submitted.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        try {
            find("main");
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no page after submitting " + formCss + " at " + driver.getCurrentUrl() + ":\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    String mainText() {
        return find("main").getText();
    }

    /**
     * The page as a person on a phone and at a desk meets it: no axe-core violation that is serious or critical, no
     * horizontal scroll at 375 px; screenshots of both widths under target/screenshots/{@code name}-{phone,desktop}.png.
     */
    void check(String name) {
        try {
            driver.manage().window().setSize(PHONE);
            Object overflow = ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as("horizontal scroll of %s at 375 px", name).isLessThanOrEqualTo(0);
            screenshot(name + "-phone");
            driver.manage().window().setSize(DESKTOP);
            screenshot(name + "-desktop");
            List<String> serious = Axe.seriousViolations(driver);
            assertThat(serious).as("axe-core serious or critical violations on %s (%s)", name, driver.getCurrentUrl()).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        // the whole page, not just the window: a phone screenshot that cuts the page in half shows little
        Object height = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        Dimension size = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(size.getWidth(), Math.min(3000, Math.max(size.getHeight(), ((Number) height).intValue() + 120))));
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(size);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder
        }
    }

    /** axe-core from npm, fetched once per build into target/axe. */
    static final class Axe {

        private static final String VERSION = "4.10.3";
        private static String source;

        static synchronized String source() {
            if (source == null) {
                Path prefix = Path.of("target/axe").toAbsolutePath();
                Path script = prefix.resolve("node_modules/axe-core/axe.min.js");
                if (!Files.isRegularFile(script)) {
                    run(prefix, List.of("npm", "install", "--prefix", prefix.toString(), "--no-save", "--no-audit", "--no-fund",
                            "--loglevel=error", "axe-core@" + VERSION));
                }
                try {
                    source = Files.readString(script, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("axe-core was not installed at " + script, e);
                }
            }
            return source;
        }

        /** Each violation of impact serious or critical: {@code id (impact): n node(s), first: <html>}. */
        @SuppressWarnings("unchecked")
        static List<String> seriousViolations(ChromeDriver driver) {
            JavascriptExecutor js = driver;
            js.executeScript(source());
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            Object result = js.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})
                      .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.length + ' node(s), first: ' + v.nodes[0].html)))
                      .catch(e => done(['axe failed: ' + e]));
                    """);
            return (List<String>) result;
        }

        private static void run(Path directory, List<String> command) {
            try {
                Files.createDirectories(directory);
                Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                        .redirectOutput(directory.resolve("npm.log").toFile()).start();
                if (!process.waitFor(180, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("npm did not finish within 180 s: " + command);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("npm failed (" + process.exitValue() + "): "
                            + Files.readString(directory.resolve("npm.log")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("npm (Node.js) must be on the PATH to fetch axe-core", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
